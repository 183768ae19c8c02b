using Igo.Computer;
using Igo.Computer.Background;
using Igo.Domain;
using Igo.Web.Games;
using Microsoft.Extensions.Options;

namespace Igo.Web.Computer;

/// <summary>
/// The scoring phase's starting marking from the position advisor's judgement (GNU Go when it is here), unless turned
/// off. Judged one game at a time with a few waiting: when games reach scoring faster than the engine judges them, the
/// rest start unmarked and the players mark by hand, instead of a backlog that grows without end and suggests for games
/// long since scored. A suggestion is a convenience, so it is made only while the machine has CPU to spare
/// (<see cref="BackgroundCpuGate"/>): on a busy instance games start unmarked rather than play slowing down.
/// </summary>
internal sealed partial class EngineMarkingSuggester(
    IPositionAdvisor advisor,
    BackgroundCpuGate spareCpu,
    IOptions<ComputerOptions> options,
    ILogger<EngineMarkingSuggester> logger)
    : IMarkingSuggester, IDisposable
{
    /// <summary>What a game whose turn came while the machine was busy gets instead of a judgement.</summary>
    private static readonly PositionJudgement NotJudged = new([], 0, "none");

    /// <summary>Enough to absorb games that end together on a quiet instance; a busy one turns the rest away.</summary>
    public const int MaxWaiting = 8;

    private readonly BoundedLine line = new(MaxWaiting);

    public async Task<IReadOnlyList<Point>> SuggestDeadAsync(GameView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (!options.Value.SuggestDeadStones)
        {
            return [];
        }

        // Looked at when the game's turn comes too: the machine may have become busy while it waited.
        var judgement = spareCpu.HasSpareCpu()
            ? await line.TryRunAsync(() => spareCpu.HasSpareCpu() ? advisor.JudgeAsync(view, cancellationToken) : Task.FromResult(NotJudged), cancellationToken)
            : NotJudged;
        if (judgement is null)
        {
            SuggestionSkipped(logger, view.Version, MaxWaiting);
            return [];
        }

        if (ReferenceEquals(judgement, NotJudged))
        {
            SuggestionDeferredToPlay(logger, view.Version);
        }

        return judgement.DeadStones;
    }

    public void Dispose() => line.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "No dead-stone suggestion for the scoring phase at version {Version}: {MaxWaiting} games already wait for the engine")]
    private static partial void SuggestionSkipped(ILogger logger, int version, int maxWaiting);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No dead-stone suggestion for the scoring phase at version {Version}: the machine's CPUs are busy with play")]
    private static partial void SuggestionDeferredToPlay(ILogger logger, int version);
}
