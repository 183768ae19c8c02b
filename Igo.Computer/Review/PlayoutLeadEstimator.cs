using Igo.Computer.MonteCarlo;
using Igo.Domain;

namespace Igo.Computer.Review;

/// <summary>
/// The built-in estimate: random playouts from each position on one thread, their ownership counted under the game's
/// rules (as the endgame advice does). <paramref name="playoutsPerPosition"/> bounds the work of each position.
/// </summary>
public sealed class PlayoutLeadEstimator(int playoutsPerPosition, int? seed = null) : IScoreLeadEstimator
{
    public const string EngineName = "playouts";

    private readonly MonteCarloBrain brain = new(
        new MonteCarloSettings(playoutsPerPosition, null, Threads: 1, Seed: seed, JudgePlayouts: Math.Max(1, playoutsPerPosition)),
        "Built-in Monte-Carlo playouts");

    public string Name => EngineName;

    public async Task<IReadOnlyList<double>> EstimateAsync(ReviewRecord record, Func<int, Task> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(progress);
        var line = new ReviewLine(record);
        var leads = new List<double>(record.Moves.Count + 1);
        for (var move = 0; move <= record.Moves.Count; move++)
        {
            line.GoTo(move);
            var judgement = await brain.JudgeAsync(ComputerPosition.FromView(line.Frame().View), cancellationToken);
            leads.Add(judgement.BlackLead);
            await progress(leads.Count);
        }

        return leads;
    }
}
