using Igo.Data.Events;
using Igo.Data.Stores;
using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>A live game's commit of an accepted action (a player's or the server's), and what follows when it fails.</summary>
internal sealed partial class LiveGame
{
    /// <summary>
    /// Commits an action the copy here has just accepted (with <paramref name="outcome"/>) on top of
    /// <paramref name="version"/>, and tells everyone; the reply says whether it stands (else the copy is re-read). A
    /// server's action has no actor key nor holder.
    /// </summary>
    private async Task<ActionReply> CommitAcceptedAsync(GameAction action, ActionOutcome outcome, int version, string? actorKey, KeyHolder? holder)
    {
        var now = action.At;
        var played = PlayClock.Advance(copy.TimePlayed, copy.ClockSince, now);
        var commit = new ActionCommit(Id, version, actorKey, holder, action, copy.Game.Status, copy.Game.Result, played, now, copy.Game.Clock.Deadline);
        CommitResult result;
        try
        {
            result = await services.Writer.CommitAsync(commit);
        }
#pragma warning disable CA1031 // The store failed: the player is told to retry, and the copy here is re-read first.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LiveGameLog.CommitFailed(logger, exception, Id);
            copy.Stale = true;
            var stored = await resync.TryReloadAsync();
            if (stored is null || !WasCommitted(stored, version, action))
            {
                return ActionReply.Refused(ActionFailure.Unavailable);
            }

            // Only the answer was lost (the connection died after PostgreSQL committed): the action stands, so the
            // mover is told it succeeded and the other instances are told it happened, as after any commit.
            LiveGameLog.CommitConfirmedByReload(logger, Id, version + 1);
            await services.Bus.PublishAsync([new ActionCommitted(Id, version + 1, Me, action, played, now)]);

            // The reload may hold later actions too; then the state this one produced is no longer at hand.
            return ActionReply.Judged(outcome, copy.Snapshot.View.Version == version + 1 ? copy.Snapshot : null);
        }

        if (result != CommitResult.Committed)
        {
            // The copy here has the action applied but the store does not: the store's game is the truth.
            copy.Stale = true;
            await resync.TryReloadAsync();
            return result == CommitResult.VersionConflict
                ? ActionReply.Refused(ActionFailure.Preempted)
                : ActionReply.Refused(ActionFailure.SeatReleased);
        }

        copy.SetClock(played, now);
        copy.Publish();
        GameEvent committed = new ActionCommitted(Id, copy.Game.Version, Me, action, played, now);

        // A game that ended leaves the lobby's live games (one lobby change per bus batch, however many games end).
        await services.Bus.PublishAsync(copy.Snapshot.View.Status == GameStatus.Complete ? [committed, new LobbyChanged(Me)] : [committed]);
        observers.GameChanged(copy.Snapshot);
        SuggestIfScoringBegan();
        return ActionReply.Judged(outcome, copy.Snapshot);
    }

    /// <summary>Whether the store holds this very action as the one after <paramref name="version"/>.</summary>
    private static bool WasCommitted(StoredGame stored, int version, GameAction action) =>
        stored.Actions.Count > version && stored.Actions[version] == action with { MarkingVersion = null };
}
