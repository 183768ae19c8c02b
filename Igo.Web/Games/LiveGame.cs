using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading.Channels;
using Igo.Data;
using Igo.Data.Events;
using Igo.Data.Model;
using Igo.Data.Stores;
using Igo.Domain;
using Igo.Web.Operations;

namespace Igo.Web.Games;

/// <summary>
/// One game held in memory while any connection on this instance holds one of its keys: lichess-style, one actor per
/// game. Every action, chat line, presence change and bus event of the game runs on its queue, one at a time, so the
/// rules never see two actions at once. Accepted actions are committed before anyone is told; events from other
/// instances are applied to the copy here without re-reading the history, and a version gap makes it catch up.
/// </summary>
internal sealed partial class LiveGame : IAsyncDisposable
{
    private readonly Channel<Func<Task>> work = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly GameServices services;
    private readonly ILogger logger;
    private readonly Task loop;
    private ImmutableList<ObserverMailbox> observers = [];
    private IDisposable? subscription;
    private Game game = null!;
    private PerColor<PlayerKeyRecord> keys;
    private PerColor<bool> connected;
    private double timePlayed;
    private DateTimeOffset? clockSince;
    private long lastChatId;
    private bool loaded;
    private bool stale;
    private GameSnapshot snapshot = null!;
    private int counted;

    private LiveGame(long id, GameServices services)
    {
        Id = id;
        this.services = services;
        logger = services.Logger;

        // The game's loop logs under the game's scope, not under whichever connection happened to open the game.
        using (ExecutionContext.SuppressFlow())
        {
            loop = Task.Run(ProcessAsync);
        }
    }

    public long Id { get; }

    public GameSnapshot Snapshot => Volatile.Read(ref snapshot);

    public PlayerKeyRecord KeyOf(Color color) => keys[color];

    private Guid Me => services.Instance.Id;

    /// <summary>Subscribes to the game's events, then loads it: whatever is committed after the load arrives as an event.</summary>
    public static async Task<LiveGame> OpenAsync(long id, GameServices services, CancellationToken cancellationToken)
    {
        var live = new LiveGame(id, services);
        live.subscription = services.Bus.Subscribe(id, gameEvent => live.work.Writer.TryWrite(() => live.OnEventAsync(gameEvent)));
        try
        {
            await live.RunAsync(() => live.LoadAsync(cancellationToken));
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

    public IDisposable Subscribe(IGameObserver observer)
    {
        var mailbox = new ObserverMailbox(observer, Id, services.Logger);
        ImmutableInterlocked.Update(ref observers, list => list.Add(mailbox));
        return new Unsubscriber(this, mailbox);
    }

    public async Task<ActionReply> ActAsync(GameSeat seat, ActionType type, Point? point)
    {
        var started = Stopwatch.GetTimestamp();
        var reply = await RunAsync(() => ActOnQueueAsync(seat, type, point));
        services.Metrics.ActionHandled(type, MetricNames.Outcome(reply), Stopwatch.GetElapsedTime(started));
        return reply;
    }

    public Task<ActionReply> ChatAsync(GameSeat seat, string text) => RunAsync(() => ChatOnQueueAsync(seat, text));

    /// <summary>A key of this game was taken or released here: tell the other instances, and the observers here.</summary>
    public Task PresenceChangedHereAsync(Color color, bool isConnected) => RunAsync(async () =>
    {
        await services.Bus.PublishAsync([new PresenceChanged(Id, game.Version, Me, color, isConnected)]);
        await RefreshPresenceAsync();
        return true;
    });

    /// <summary>Runs on the queue after everything queued before it (a seat being released waits for its actions).</summary>
    public Task RunAsync(Action action) => RunAsync(() =>
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
        work.Writer.TryComplete();
        await loop;
        foreach (var mailbox in observers)
        {
            mailbox.Dispose();
        }
    }

    private async Task<T> RunAsync<T>(Func<Task<T>> step)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queued = work.Writer.TryWrite(async () =>
        {
            try
            {
                result.TrySetResult(await step());
            }
#pragma warning disable CA1031 // Handed to the caller, who is waiting for this step.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                result.TrySetException(exception);
            }
        });
        ObjectDisposedException.ThrowIf(!queued, this);
        return await result.Task;
    }

    private async Task ProcessAsync()
    {
        using var scope = logger.BeginScope(CorrelationScope.Game(Id));
        await foreach (var step in work.Reader.ReadAllAsync())
        {
            await step();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await services.Store.LoadGameAsync(Id, cancellationToken)
            ?? throw new InvalidOperationException($"Game {Id} is not in the store");
        lastChatId = await services.Store.LastChatIdAsync(Id, cancellationToken);
        Adopt(stored);
        loaded = true;
        return true;
    }

    /// <summary>Replaces the copy here with the stored game (after a failed commit, or when the store was unreachable).</summary>
    private async Task<StoredGame> ReloadAsync()
    {
        // Compared with what observers were last shown, not with the copy: after a lost race the copy already has the
        // refused action applied at the same version as the winner's, and the winner's state must still be shown.
        var before = Snapshot.View.Version;
        var stored = await services.Store.LoadGameAsync(Id, CancellationToken.None)
            ?? throw new InvalidOperationException($"Game {Id} is not in the store");
        Adopt(stored);
        stale = false;
        if (game.Version != before)
        {
            TellGameChanged();
        }

        await DeliverNewChatAsync();
        return stored;
    }

    /// <summary>Whether the store holds this very action as the one after <paramref name="version"/>.</summary>
    private static bool WasCommitted(StoredGame stored, int version, GameAction action) =>
        stored.Actions.Count > version && stored.Actions[version] == action;

    private void Adopt(StoredGame stored)
    {
        game = Game.Replay(stored.Game.Size, stored.Game.Rules, stored.Actions);
        keys = new PerColor<PlayerKeyRecord>(stored.Black, stored.White);
        connected = stored.Connected;
        timePlayed = stored.Game.TimePlayedSeconds;
        clockSince = stored.Game.ClockRunningSince;
        UpdateSnapshot();
    }

    private async Task<ActionReply> ActOnQueueAsync(GameSeat seat, ActionType type, Point? point)
    {
        if (seat.IsReleased)
        {
            return ActionReply.Refused(ActionFailure.SeatReleased);
        }

        if (stale && await TryReloadAsync() is null)
        {
            return ActionReply.Refused(ActionFailure.Unavailable);
        }

        var now = StoreTime.Now(services.Time);
        var action = new GameAction(type, seat.Color, point, now);
        var version = game.Version;
        var outcome = game.Apply(action);
        if (!outcome.Accepted && await TryCatchUpAsync())
        {
            // The copy here was behind (the opponent's move still on its way): judge the action on the current game.
            version = game.Version;
            outcome = game.Apply(action);
        }

        if (!outcome.Accepted)
        {
            return ActionReply.Judged(outcome);
        }

        var played = PlayClock.Advance(timePlayed, clockSince, now);
        var commit = new ActionCommit(Id, version, seat.Key, seat.StoreHolder, action, game.Status, game.Result, played, now);
        CommitResult result;
        try
        {
            result = await services.Writer.CommitAsync(commit);
        }
#pragma warning disable CA1031 // The store failed: the player is told to retry, and the copy here is re-read first.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogCommitFailed(exception, Id);
            stale = true;
            var stored = await TryReloadAsync();
            if (stored is null || !WasCommitted(stored, version, action))
            {
                return ActionReply.Refused(ActionFailure.Unavailable);
            }

            // Only the answer was lost (the connection died after PostgreSQL committed): the action stands, so the
            // mover is told it succeeded and the other instances are told it happened, as after any commit.
            LogCommitConfirmedByReload(Id, version + 1);
            await services.Bus.PublishAsync([new ActionCommitted(Id, version + 1, Me, action, played, now)]);

            // The reload may hold later actions too; then the state this one produced is no longer at hand.
            return ActionReply.Judged(outcome, Snapshot.View.Version == version + 1 ? Snapshot : null);
        }

        if (result != CommitResult.Committed)
        {
            // The copy here has the action applied but the store does not: the store's game is the truth.
            stale = true;
            await TryReloadAsync();
            return result == CommitResult.VersionConflict
                ? ActionReply.Refused(ActionFailure.Preempted)
                : ActionReply.Refused(ActionFailure.SeatReleased);
        }

        timePlayed = played;
        clockSince = now;
        UpdateSnapshot();
        await services.Bus.PublishAsync([new ActionCommitted(Id, game.Version, Me, action, played, now)]);
        TellGameChanged();
        return ActionReply.Judged(outcome, Snapshot);
    }

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
            LogCommitFailed(exception, Id);
            return ActionReply.Refused(ActionFailure.Unavailable);
        }

        await services.Bus.PublishAsync([new ChatPosted(Id, game.Version, Me, message.Id)]);

        // Reads everything after the last line seen, so a line another instance committed just before ours comes first.
        await DeliverNewChatAsync();
        return ActionReply.Succeeded;
    }

    private async Task OnEventAsync(GameEvent gameEvent)
    {
        if (!loaded || (gameEvent.Origin == Me && gameEvent is not ResyncNeeded))
        {
            return;
        }

        try
        {
            if (stale)
            {
                await ReloadAsync();
                return;
            }

            switch (gameEvent)
            {
                case ActionCommitted committed when committed.Version == game.Version + 1:
                    await ApplyNotifiedAsync(committed);
                    break;
                case ActionCommitted committed when committed.Version <= game.Version:
                    break;
                case ChatPosted chat when chat.Version <= game.Version:
                    await DeliverNewChatAsync();
                    break;
                case PresenceChanged presence when presence.Version <= game.Version:
                    await RefreshPresenceAsync();
                    break;
                default:
                    // A version gap, or a resync after the listener was away: catch up from the store.
                    await CatchUpAsync();
                    break;
            }
        }
#pragma warning disable CA1031 // The store is unreachable: re-read before the next action, and on the listener's resync.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogEventFailed(exception, Id, gameEvent.GetType().Name);
            stale = true;
        }
    }

    private async Task ApplyNotifiedAsync(ActionCommitted committed)
    {
        var outcome = game.Apply(committed.Action);
        if (!outcome.Accepted)
        {
            LogNotifiedActionRejected(Id, committed.Version, outcome.ToString());
            await ReloadAsync();
            return;
        }

        timePlayed = committed.TimePlayedSeconds;
        clockSince = committed.ClockRunningSince;
        UpdateSnapshot();
        TellGameChanged();
    }

    /// <summary>
    /// Brings the copy up to the store's version with only the actions it misses, then presence and chat.
    /// True when the game moved on.
    /// </summary>
    private async Task<bool> CatchUpAsync()
    {
        var before = game.Version;
        var presence = await services.Store.LoadPresenceAsync(Id, CancellationToken.None)
            ?? throw new InvalidOperationException($"Game {Id} is not in the store");
        if (presence.Version > game.Version)
        {
            var missing = await services.Store.ActionsAfterAsync(Id, game.Version, CancellationToken.None);
            foreach (var action in missing.Take(presence.Version - game.Version))
            {
                if (!game.Apply(action).Accepted)
                {
                    await ReloadAsync();
                    return true;
                }
            }

            timePlayed = presence.TimePlayedSeconds;
            clockSince = presence.ClockRunningSince;
            UpdateSnapshot();
            TellGameChanged();
        }

        ApplyPresence(presence);
        await DeliverNewChatAsync();
        return presence.Version > before;
    }

    private async Task RefreshPresenceAsync()
    {
        var presence = await services.Store.LoadPresenceAsync(Id, CancellationToken.None);
        if (presence is not null)
        {
            if (presence.Version == game.Version)
            {
                timePlayed = presence.TimePlayedSeconds;
                clockSince = presence.ClockRunningSince;
            }

            ApplyPresence(presence);
        }
    }

    private void ApplyPresence(GamePresence presence)
    {
        var before = connected;
        connected = presence.Connected;
        UpdateSnapshot();
        foreach (var color in new[] { Color.Black, Color.White })
        {
            if (before[color] != connected[color])
            {
                var isConnected = connected[color];
                Tell(observer => observer.OnPresenceAsync(color, isConnected));
            }
        }
    }

    private async Task DeliverNewChatAsync()
    {
        var messages = await services.Store.ChatAfterAsync(Id, lastChatId, CancellationToken.None);
        foreach (var message in messages)
        {
            lastChatId = message.Id;
            var chat = new ChatMessage(message.Id, message.At, message.Color, message.Text);
            Tell(observer => observer.OnChatAsync(chat));
        }
    }

    private async Task<bool> TryCatchUpAsync()
    {
        try
        {
            return await CatchUpAsync();
        }
#pragma warning disable CA1031 // Unreachable store: the action is judged on the copy here, as it stands.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogEventFailed(exception, Id, "catch-up");
            return false;
        }
    }

    /// <summary>The stored game it adopted, or null when the store is still unreachable.</summary>
    private async Task<StoredGame?> TryReloadAsync()
    {
        try
        {
            return await ReloadAsync();
        }
#pragma warning disable CA1031 // Still unreachable: stay stale and try again on the next action or event.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogEventFailed(exception, Id, "reload");
            stale = true;
            return null;
        }
    }

    private void UpdateSnapshot() =>
        Volatile.Write(ref snapshot, new GameSnapshot(Id, game.View(), timePlayed, clockSince, connected));

    private void TellGameChanged()
    {
        var current = Snapshot;
        Tell(observer => observer.OnGameChangedAsync(current));
    }

    private void Tell(Func<IGameObserver, Task> call)
    {
        foreach (var mailbox in observers)
        {
            mailbox.Post(call);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committing an action of game {GameId} failed")]
    private partial void LogCommitFailed(Exception exception, long gameId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store holds action {Version} of game {GameId} although its commit seemed to fail: it stands")]
    private partial void LogCommitConfirmedByReload(long gameId, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling {EventKind} for game {GameId} failed; the game is re-read before its next action")]
    private partial void LogEventFailed(Exception exception, long gameId, string eventKind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Game {GameId}: the notified action of version {Version} is rejected here ({Reason}); re-reading the game")]
    private partial void LogNotifiedActionRejected(long gameId, int version, string reason);

    private sealed class Unsubscriber(LiveGame game, ObserverMailbox mailbox) : IDisposable
    {
        public void Dispose()
        {
            ImmutableInterlocked.Update(ref game.observers, list => list.Remove(mailbox));
            mailbox.Dispose();
        }
    }
}
