using System.Diagnostics;
using Igo.Data;
using Igo.Data.Events;
using Igo.Data.Model;
using Igo.Data.Stores;
using Igo.Domain;
using Igo.Web.Operations;

namespace Igo.Web.Games;

/// <summary>
/// One game held in memory while any connection on this instance holds one of its keys: lichess-style, one actor per
/// game. Every action, chat line, presence change and bus event of the game runs on its <see cref="GameQueue"/>, one
/// at a time, so the rules never see two actions at once. Accepted actions are committed before anyone is told; events
/// from other instances are applied to the copy here without re-reading the history, and a version gap makes it catch
/// up (<see cref="GameResync"/>).
/// </summary>
internal sealed class LiveGame : IAsyncDisposable
{
    private readonly GameServices services;
    private readonly ILogger logger;
    private readonly GameQueue queue;
    private readonly GameCopy copy;
    private readonly GameObservers observers;
    private readonly GameResync resync;
    private IDisposable? subscription;
    private int counted;

    private LiveGame(long id, GameServices services)
    {
        Id = id;
        this.services = services;
        logger = services.Logger;
        queue = new GameQueue(id, logger);
        copy = new GameCopy(id);
        observers = new GameObservers(id, logger);
        resync = new GameResync(id, copy, observers, services.Store, logger);
    }

    public long Id { get; }

    public GameSnapshot Snapshot => copy.Snapshot;

    public PlayerKeyRecord KeyOf(Color color) => copy.Keys[color];

    private Guid Me => services.Instance.Id;

    /// <summary>Subscribes to the game's events, then loads it: whatever is committed after the load arrives as an event.</summary>
    public static async Task<LiveGame> OpenAsync(long id, GameServices services, CancellationToken cancellationToken)
    {
        var live = new LiveGame(id, services);
        live.subscription = services.Bus.Subscribe(id, gameEvent => live.queue.Post(() => live.OnEventAsync(gameEvent)));
        try
        {
            await live.queue.RunAsync(async () =>
            {
                await live.resync.LoadAsync(cancellationToken);
                return true;
            });
            live.counted = 1;
            services.Metrics.GameOpened();
            return live;
        }
        catch
        {
            await live.DisposeAsync();
            throw;
        }
    }

    public IDisposable Subscribe(IGameObserver observer) => observers.Subscribe(observer);

    public async Task<ActionReply> ActAsync(GameSeat seat, ActionType type, Point? point)
    {
        var started = Stopwatch.GetTimestamp();
        var reply = await queue.RunAsync(() => ActOnQueueAsync(seat, type, point));
        services.Metrics.ActionHandled(type, MetricNames.Outcome(reply), Stopwatch.GetElapsedTime(started));
        return reply;
    }

    public Task<ActionReply> ChatAsync(GameSeat seat, string text) => queue.RunAsync(() => ChatOnQueueAsync(seat, text));

    /// <summary>A key of this game was taken or released here: tell the other instances, and the observers here.</summary>
    public Task PresenceChangedHereAsync(Color color, bool isConnected) => queue.RunAsync(async () =>
    {
        await services.Bus.PublishAsync([new PresenceChanged(Id, copy.Game.Version, Me, color, isConnected)]);
        await resync.RefreshPresenceAsync();
        return true;
    });

    /// <summary>Runs on the queue after everything queued before it (a seat being released waits for its actions).</summary>
    public Task RunAsync(Action action) => queue.RunAsync(() =>
    {
        action();
        return Task.FromResult(true);
    });

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref counted, 0) == 1)
        {
            services.Metrics.GameClosed();
        }

        subscription?.Dispose();
        await queue.DisposeAsync();
        observers.Dispose();
    }

    private async Task<ActionReply> ActOnQueueAsync(GameSeat seat, ActionType type, Point? point)
    {
        if (seat.IsReleased)
        {
            return ActionReply.Refused(ActionFailure.SeatReleased);
        }

        if (copy.Stale && await resync.TryReloadAsync() is null)
        {
            return ActionReply.Refused(ActionFailure.Unavailable);
        }

        var now = StoreTime.Now(services.Time);
        var action = new GameAction(type, seat.Color, point, now);
        var version = copy.Game.Version;
        var outcome = copy.Game.Apply(action);
        if (!outcome.Accepted && await resync.TryCatchUpAsync())
        {
            // The copy here was behind (the opponent's move still on its way): judge the action on the current game.
            version = copy.Game.Version;
            outcome = copy.Game.Apply(action);
        }

        if (!outcome.Accepted)
        {
            return ActionReply.Judged(outcome);
        }

        var played = PlayClock.Advance(copy.TimePlayed, copy.ClockSince, now);
        var commit = new ActionCommit(Id, version, seat.Key, seat.StoreHolder, action, copy.Game.Status, copy.Game.Result, played, now);
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
        await services.Bus.PublishAsync([new ActionCommitted(Id, copy.Game.Version, Me, action, played, now)]);
        observers.GameChanged(copy.Snapshot);
        return ActionReply.Judged(outcome, copy.Snapshot);
    }

    /// <summary>Whether the store holds this very action as the one after <paramref name="version"/>.</summary>
    private static bool WasCommitted(StoredGame stored, int version, GameAction action) =>
        stored.Actions.Count > version && stored.Actions[version] == action;

    private async Task<ActionReply> ChatOnQueueAsync(GameSeat seat, string text)
    {
        if (seat.IsReleased)
        {
            return ActionReply.Refused(ActionFailure.SeatReleased);
        }

        ChatMessageRecord message;
        try
        {
            message = await services.Store.AddChatAsync(Id, seat.Color, text, StoreTime.Now(services.Time), CancellationToken.None);
        }
#pragma warning disable CA1031 // The store failed: nothing was sent, and the player may try again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LiveGameLog.CommitFailed(logger, exception, Id);
            return ActionReply.Refused(ActionFailure.Unavailable);
        }

        await services.Bus.PublishAsync([new ChatPosted(Id, copy.Game.Version, Me, message.Id)]);

        // Reads everything after the last line seen, so a line another instance committed just before ours comes first.
        await resync.DeliverNewChatAsync();
        return ActionReply.Succeeded;
    }

    private async Task OnEventAsync(GameEvent gameEvent)
    {
        if (!copy.Loaded || (gameEvent.Origin == Me && gameEvent is not ResyncNeeded))
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
            LiveGameLog.EventFailed(logger, exception, Id, gameEvent.GetType().Name);
            copy.Stale = true;
        }
    }

    private async Task ApplyNotifiedAsync(ActionCommitted committed)
    {
        var outcome = copy.Game.Apply(committed.Action);
        if (!outcome.Accepted)
        {
            LiveGameLog.NotifiedActionRejected(logger, Id, committed.Version, outcome.ToString());
            await resync.ReloadAsync();
            return;
        }

        copy.SetClock(committed.TimePlayedSeconds, committed.ClockRunningSince);
        copy.Publish();
        observers.GameChanged(copy.Snapshot);
    }
}
