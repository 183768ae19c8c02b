using Igo.Computer;
using Igo.Domain;
using Igo.Web.Games;
using Microsoft.Extensions.Options;

namespace Igo.Web.Computer;

/// <summary>
/// The scoring phase's starting marking from the position advisor's judgement (GNU Go when it is here), unless turned
/// off. Judged one game at a time with a few waiting: when games reach scoring faster than the engine judges them (the
/// engine runs at idle priority, so under load it gets little CPU), the rest start unmarked and the players mark by
/// hand, instead of a backlog that grows without end and suggests for games long since scored.
/// </summary>
internal sealed partial class EngineMarkingSuggester(IPositionAdvisor advisor, IOptions<ComputerOptions> options, ILogger<EngineMarkingSuggester> logger)
    : IMarkingSuggester, IDisposable
{
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

        var judgement = await line.TryRunAsync(() => advisor.JudgeAsync(view, cancellationToken), cancellationToken);
        if (judgement is null)
        {
            SuggestionSkipped(logger, view.Version, MaxWaiting);
            return [];
        }

        return judgement.DeadStones;
    }

    public void Dispose() => line.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "No dead-stone suggestion for the scoring phase at version {Version}: {MaxWaiting} games already wait for the engine")]
    private static partial void SuggestionSkipped(ILogger logger, int version, int maxWaiting);
}
