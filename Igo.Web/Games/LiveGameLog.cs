namespace Igo.Web.Games;

/// <summary>What a live game logs, from its actor and from its resync alike.</summary>
internal static partial class LiveGameLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Game {GameId} is held here from version {Version}")]
    public static partial void Opened(ILogger logger, long gameId, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committing an action of game {GameId} failed")]
    public static partial void CommitFailed(ILogger logger, Exception exception, long gameId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store holds action {Version} of game {GameId} although its commit seemed to fail: it stands")]
    public static partial void CommitConfirmedByReload(ILogger logger, long gameId, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling {EventKind} for game {GameId} failed; the game is re-read before its next action")]
    public static partial void EventFailed(ILogger logger, Exception exception, long gameId, string eventKind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling {EventKind} for game {GameId} failed; the game is re-read in {RetryMilliseconds} ms, and before its next action")]
    public static partial void EventFailedRetrying(ILogger logger, Exception exception, long gameId, string eventKind, double retryMilliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Game {GameId}: the notified action of version {Version} is rejected here ({Reason}); re-reading the game")]
    public static partial void NotifiedActionRejected(ILogger logger, long gameId, int version, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Game {GameId}: {Player} lost on time (version {Version})")]
    public static partial void TimedOut(ILogger logger, long gameId, Igo.Domain.Color player, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Game {GameId}: the rules refused a timeout of {Player} ({Reason})")]
    public static partial void TimeoutRefused(ILogger logger, long gameId, Igo.Domain.Color player, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Game {GameId}: the engine's suggestion marked {Groups} groups dead in the scoring phase begun at version {Version}")]
    public static partial void SuggestionApplied(ILogger logger, long gameId, int version, int groups);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Game {GameId}: the engine's dead-stone suggestion failed; the players mark the stones themselves")]
    public static partial void SuggestionFailed(ILogger logger, Exception exception, long gameId);
}
