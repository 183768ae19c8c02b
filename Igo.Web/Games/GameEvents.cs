using Igo.Data.Events;

namespace Igo.Web.Games;

/// <summary>
/// Applies the event bus's events to a live game's copy, on the game's queue: an action committed elsewhere is applied
/// without re-reading the game, a version gap or the listener's resync makes it catch up, and a chat line or a key
/// change makes it re-read just that. Events this instance published itself are already in the copy.
/// </summary>
internal sealed class GameEvents(long id, Guid me, GameCopy copy, GameObservers observers, GameResync resync, ILogger logger)
{
    public async Task OnEventAsync(GameEvent gameEvent)
    {
        if (!copy.Loaded || (gameEvent.Origin == me && gameEvent is not ResyncNeeded))
        {
            return;
        }

        try
        {
            if (copy.Stale)
            {
                await resync.ReloadAsync();
                return;
            }

            var version = copy.Game.Version;
            switch (gameEvent)
            {
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
                default:
                    // A version gap, or a resync after the listener was away: catch up from the store.
                    await resync.CatchUpAsync();
                    break;
            }
        }
#pragma warning disable CA1031 // The store is unreachable: re-read before the next action, and on the listener's resync.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LiveGameLog.EventFailed(logger, exception, id, gameEvent.GetType().Name);
            copy.Stale = true;
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
