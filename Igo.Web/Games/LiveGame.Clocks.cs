using Igo.Data;
using Igo.Data.Model;
using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>
/// A live game's clocks: the thinking time an action is charged (docs/decisions/0009-lag-allowance.md), and the
/// timeout, committed through the same queue, commit and version check as a move, so that exactly one instance's
/// timeout wins and a move racing it either lands first or loses.
/// </summary>
internal sealed partial class LiveGame
{
    /// <summary>
    /// The timeout sweep's call: on the queue, after whatever is queued before it, times out the player whose flag fell
    /// more than the lag allowance ago. True when this call committed the timeout.
    /// </summary>
    public Task<bool> TimeOutIfOverdueAsync() => queue.RunAsync(async () =>
    {
        if (copy.Stale && await resync.TryReloadAsync() is null)
        {
            return false;
        }

        var now = StoreTime.Now(services.Time);
        var allowance = services.Clocks.LagAllowance;
        if (ThinkingTime.Overdue(copy.Game.Clock, now, allowance) is null)
        {
            // The store says the flag fell; the copy here may not have heard of the move that started that clock.
            await resync.TryCatchUpAsync();
        }

        return ThinkingTime.Overdue(copy.Game.Clock, now, allowance) is { } player && await CommitTimeoutAsync(player, now) == Timeout.Committed;
    });

    /// <summary>The action <paramref name="intent"/> means on the game as it stands (an acceptance of the count depends on it).</summary>
    private GameAction ActionFor(Color player, SeatIntent intent, DateTimeOffset receivedAt, DateTimeOffset now) =>
        new(intent.Type ?? CountAcceptance.ActionFor(copy.Game, player), player, intent.Point, now, ThinkingTime.Of(copy.Game.Clock, player, receivedAt, services.Clocks.LagAllowance))
        {
            MarkingVersion = intent.MarkingVersion,
        };

    /// <summary>
    /// When a flag fell more than the lag allowance before <paramref name="receivedAt"/>, ends the game on time (judged
    /// on the store's game, which the copy here catches up with first) and says whose flag it was; else null.
    /// </summary>
    private async Task<ActionRefusal.FlagFell?> EndOnTimeIfOverdueAsync(DateTimeOffset receivedAt, DateTimeOffset now)
    {
        var allowance = services.Clocks.LagAllowance;
        if (ThinkingTime.Overdue(copy.Game.Clock, receivedAt, allowance) is null)
        {
            return null;
        }

        await resync.TryCatchUpAsync();
        return ThinkingTime.Overdue(copy.Game.Clock, receivedAt, allowance) is { } player && await CommitTimeoutAsync(player, now) != Timeout.NotDue
            ? new ActionRefusal.FlagFell(player)
            : null;
    }

    /// <summary>Commits a timeout for <paramref name="player"/>, and says whether it did, found it done by another writer, or found it not due.</summary>
    private async Task<Timeout> CommitTimeoutAsync(Color player, DateTimeOffset now)
    {
        var version = copy.Game.Version;
        var timeout = new GameAction(ActionType.Timeout, player, null, now);
        var outcome = copy.Game.Apply(timeout);
        if (!outcome.Accepted)
        {
            LiveGameLog.TimeoutRefused(logger, Id, player, outcome.ToString());
            return Timeout.NotDue;
        }

        if ((await CommitAcceptedAsync(timeout, outcome, version, actorKey: null, holder: null)).Success)
        {
            LiveGameLog.TimedOut(logger, Id, player, version + 1);
            return Timeout.Committed;
        }

        // Another instance's timeout won the race, or a move landed first (the copy is re-read either way).
        return copy.Game.Result == new GameResult(ResultType.Time, player.Opponent()) ? Timeout.DoneElsewhere : Timeout.NotDue;
    }

    /// <summary>
    /// Null when <paramref name="claimant"/>'s opponent has been away for the grace period, judged on the store's
    /// presence (not the copy here): their key is free on every instance, and was let go long enough ago (a key never
    /// held counts from the game's creation).
    /// </summary>
    private async Task<ActionFailure?> OpponentNotGoneAsync(Color claimant, DateTimeOffset now)
    {
        PlayerKeyRecord? opponent;
        try
        {
            opponent = await services.Store.FindKeyAsync(copy.Keys[claimant.Opponent()].Key, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LiveGameLog.EventFailed(logger, exception, Id, "claim");
            return ActionFailure.Unavailable;
        }

        var grace = copy.Game.TimeControl.IsTimed ? services.Clocks.AwayGrace : services.Clocks.AwayGraceUntimed;
        return opponent is { HeldByInstance: null } && now - (opponent.AwaySince ?? copy.CreatedAt) >= grace ? null : ActionFailure.OpponentNotGone;
    }

    private enum Timeout
    {
        Committed,
        DoneElsewhere,
        NotDue,
    }
}
