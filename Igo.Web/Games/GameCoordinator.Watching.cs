using Igo.Data;

namespace Igo.Web.Games;

/// <summary>The coordinator's spectators: a watch holds the game in memory as a seat does, but takes no key.</summary>
internal sealed partial class GameCoordinator : IGameWatching
{
    public async Task<WatchOutcome> WatchGameAsync(string watchId, CancellationToken cancellationToken = default)
    {
        if (!WatchIds.IsWellFormed(watchId))
        {
            return WatchOutcome.Missing;
        }

        long? gameId;
        try
        {
            gameId = await services.Store.FindWatchedGameAsync(watchId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStoreFailed(exception, "find a watched game");
            return WatchOutcome.Unavailable;
        }

        if (gameId is not { } id)
        {
            return WatchOutcome.Missing;
        }

        try
        {
            var (live, _) = await games.AcquireAsync(id, () => LiveGame.OpenAsync(id, services));
            return new WatchOutcome(new GameWatch(this, live), NotFound: false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStoreFailed(exception, "load a watched game");
            await games.LetGoAsync(id);
            return WatchOutcome.Unavailable;
        }
    }

    /// <summary>One spectator fewer; the game leaves memory when nobody here needs it.</summary>
    internal async Task StopWatchingAsync(GameWatch watch)
    {
        // Queued before the game may leave memory: its queue writes the count before it closes.
        watch.Live.SpectatorLeft();
        await games.LetGoAsync(watch.Live.Id);
    }
}
