using Igo.Computer.Gtp;
using Igo.Computer.MonteCarlo;
using Igo.Domain;
using Microsoft.Extensions.Logging;

namespace Igo.Computer;

/// <summary>
/// For the human players: which chains an engine thinks are dead, and who leads by how much, so the endgame view can
/// suggest dead stones for the players to confirm. GNU Go judges when it is available, else the built-in player's
/// playouts. GNU Go is its advice pool's (<see cref="GtpEngines.GnuGoAdviceId"/>: one process at idle priority), never
/// the opponents'. Runs off the caller's thread; a few tenths of a second on 19x19 on an idle machine.
/// </summary>
public sealed class PositionAdvisor : IPositionAdvisor
{
    /// <summary>More playouts than a move-time judgement: a person reads the answer, and it should not flicker.</summary>
    private const int AdvicePlayouts = 3000;

    private readonly MonteCarloBrain playouts = new(new MonteCarloSettings(null, TimeSpan.FromSeconds(2), MonteCarloSettings.AllCores, JudgePlayouts: AdvicePlayouts), "Built-in Monte-Carlo playouts");
    private readonly GtpEnginePool? advicePool;
    private readonly GtpBrain? gnuGo;

    public PositionAdvisor(GtpEngines engines, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(loggers);
        advicePool = engines.Find(GtpEngines.GnuGoAdviceId);
        gnuGo = advicePool is null ? null : new GtpBrain("GNU Go", advicePool, null, playouts, loggers.CreateLogger<GtpBrain>());
    }

    /// <summary>The judgement of the game's position (the stones on the board; dead-stone marks are ignored).</summary>
    public Task<PositionJudgement> JudgeAsync(GameView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        IComputerBrain brain = gnuGo is not null && advicePool is { IsAvailable: true } ? gnuGo : playouts;
        return Task.Run(() => brain.JudgeAsync(ComputerPosition.FromView(view), cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Playout ownership only, whatever engines there are: in a game still in play a count of settled territory (all a
    /// dead-stone list allows) says little, while playouts weigh the open areas too.
    /// </summary>
    public Task<PositionJudgement> EstimateAsync(GameView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Task.Run(() => playouts.JudgeAsync(ComputerPosition.FromView(view), cancellationToken), cancellationToken);
    }

    /// <summary>The dead chains of a judgement, one point each, as a player would click them to mark them dead.</summary>
    public static IReadOnlyList<Point> DeadChainAnchors(GameView view, PositionJudgement judgement)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(judgement);
        var board = ComputerPosition.FromView(view).ToBoard();
        var seen = new HashSet<Point>();
        var anchors = new List<Point>();
        foreach (var point in judgement.DeadStones)
        {
            if (seen.Add(point) && board.ChainAt(point) is { } chain)
            {
                seen.UnionWith(chain.Stones);
                anchors.Add(chain.Stones[0]);
            }
        }

        return anchors;
    }

    /// <summary>"Black leads by 3.5 (GNU Go)": the estimate in words, for the UI.</summary>
    public static string Describe(PositionJudgement judgement)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        var lead = Math.Abs(judgement.BlackLead).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        return judgement.Leader is { } leader ? $"{leader.ToTitle()} leads by {lead} ({judgement.JudgedBy})" : $"Even ({judgement.JudgedBy})";
    }
}
