using Igo.Computer.MonteCarlo;
using Igo.Domain;

namespace Igo.Computer.Review;

/// <summary>
/// The built-in estimate: random playouts from each position on one thread that takes only idle CPU, and Black's
/// expected area in them less komi (each point's ownership, +1 Black to -1 White, added up). Not the endgame advice's
/// count, which gives a whole open region to the only colour touching it and so calls an opening won by hundreds of
/// points; an area estimate also stands in for territory rules, where the two counts differ by a point or two.
/// <paramref name="playoutsPerPosition"/> bounds the work of each position.
/// </summary>
public sealed class PlayoutLeadEstimator(int playoutsPerPosition, int? seed = null) : IScoreLeadEstimator
{
    public const string EngineName = "playouts";

    private readonly MonteCarloBrain brain = new(
        new MonteCarloSettings(playoutsPerPosition, null, Threads: 1, Seed: seed, JudgePlayouts: Math.Max(1, playoutsPerPosition)) { OnIdleCpuOnly = true },
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
            leads.Add((judgement.Ownership ?? throw new InvalidOperationException("Playouts always measure ownership.")).Sum() - record.Rules.Komi);
            await progress(leads.Count);
        }

        return leads;
    }
}
