using Igo.Data.Events;

namespace Igo.Web.Games;

/// <summary>
/// Applies the event bus's events to a live game's copy, on the game's queue: an action committed elsewhere is applied
/// without re-reading the game, a version gap or the listener's resync makes it catch up, and a chat line or a key
/// change makes it re-read just that; so do the spectators' chat and count, which carry no game version. Events this
/// instance published itself are already in the copy.
/// When the store fails while an event is applied, the copy is stale and a re-read is retried until it succeeds: after
/// a database outage the listener's resync may be the last event the game gets, and a player must not be left looking
/// at a board without the opponent's move.
/// </summary>
internal sealed class GameEvents(long id, Guid me, GameCopy copy, GameObservers observers, GameResync resync, SpectatorSync spectators, Action<TimeSpan> retryAfter, ILogger logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(5);

    private TimeSpan nextRetry = FirstRetry;
    private bool retryQueued;

    /// <summary>The retry <see cref="OnEventAsync"/> asked for, now on the game's queue.</summary>
    public Task RetryAsync()
    {
        retryQueued = false;
        return OnEventAsync(new ResyncNeeded(id));
    }

    /// <summary>
    /// Whether the copy can learn anything from the event: an event this instance published is already in it (except a
    /// resync). Asked before the event is queued, so that this instance's own actions, which come back through LISTEN,
    /// cost no step on the game's queue.
    /// </summary>
    public bool IsNews(GameEvent gameEvent) => gameEvent.Origin != me || gameEvent is ResyncNeeded;

    public async Task OnEventAsync(GameEvent gameEvent)
    {
        if (!copy.Loaded || !IsNews(gameEvent))
        {
            return;
        }

        try
        {
            await ApplyAsync(gameEvent);
            nextRetry = FirstRetry;
        }
#pragma warning disable CA1031 // The store is unreachable: re-read later (and before the next action).
        catch (Exception exception)
#pragma warning restore CA1031
        {
            copy.Stale = true;
            if (retryQueued)
            {
                LiveGameLog.EventFailed(logger, exception, id, gameEvent.GetType().Name);
                return;
            }

            LiveGameLog.EventFailedRetrying(logger, exception, id, gameEvent.GetType().Name, nextRetry.TotalMilliseconds);
            retryQueued = true;
            retryAfter(nextRetry);
            nextRetry = TimeSpan.FromTicks(Math.Min(nextRetry.Ticks * 2, LongestRetry.Ticks));
        }
    }

    private async Task ApplyAsync(GameEvent gameEvent)
    {
        if (copy.Stale)
        {
            await resync.ReloadAsync();
            return;
        }

        var version = copy.Game.Version;
        switch (gameEvent)
        {
            case SpectatorChatPosted:
                await spectators.DeliverNewChatAsync();
                break;
            case SpectatorsChanged:
                await spectators.RefreshCountAsync();
                break;
            case ActionCommitted committed when committed.Version == version + 1:
                await ApplyNotifiedAsync(committed);
                break;
            case ActionCommitted committed when committed.Version <= version:
                break;
            case ChatPosted chat when chat.Version <= version:
                await resync.DeliverNewChatAsync();
                break;
            case PresenceChanged presence when presence.Version <= version:
                await resync.RefreshPresenceAsync();
                break;
            case RematchChanged:
                // The rematch is the pages' business (Rematches), not the game's: its copy is unchanged.
                break;
            default:
                // A version gap, or a resync after the listener was away: catch up from the store.
                await resync.CatchUpAsync();
                break;
        }
    }

    private async Task ApplyNotifiedAsync(ActionCommitted committed)
    {
        var outcome = copy.Game.Apply(committed.Action);
        if (!outcome.Accepted)
        {
            LiveGameLog.NotifiedActionRejected(logger, id, committed.Version, outcome.ToString());
            await resync.ReloadAsync();
            return;
        }

        copy.SetClock(committed.TimePlayedSeconds, committed.ClockRunningSince);
        copy.Publish();
        observers.GameChanged(copy.Snapshot);
    }
}
