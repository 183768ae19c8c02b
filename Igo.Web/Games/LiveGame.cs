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
internal sealed partial class LiveGame : IAsyncDisposable
{
    private readonly GameServices services;
    private readonly ILogger logger;
    private readonly GameQueue queue;
    private readonly GameCopy copy;
    private readonly GameObservers observers;
    private readonly GameResync resync;
    private readonly GameEvents events;
    private readonly SpectatorSync spectators;
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
        resync = new GameResync(id, copy, observers, Seats, services.Store, logger);
        spectators = new SpectatorSync(id, copy, observers, services);
        events = new GameEvents(id, services.Instance.Id, copy, observers, resync, spectators, RetryEventsAfter, logger);
    }

    public long Id { get; }

    public GameSnapshot Snapshot => copy.Snapshot;

    /// <summary>The seats held here; only ever touched on the game's queue.</summary>
    public SeatsHere Seats { get; } = new();

    public PlayerKeyRecord KeyOf(Color color) => copy.Keys[color];

    private Guid Me => services.Instance.Id;

    /// <summary>Subscribes to the game's events, then loads it: whatever is committed after the load arrives as an event.</summary>
    public static Task<LiveGame> OpenAsync(long id, GameServices services) =>
        OpenAsync(id, services, live => live.resync.LoadAsync(StoreTime.Now(services.Time), CancellationToken.None));

    /// <summary>
    /// A game just created here, from what was stored: nothing to read back, and nothing can have happened to it since,
    /// for nobody else has its keys yet.
    /// </summary>
    public static Task<LiveGame> OpenCreatedAsync(StoredGame created, GameServices services) =>
        OpenAsync(created.Game.Id, services, live =>
        {
            live.copy.Adopt(created);
            return Task.CompletedTask;
        });

    private static async Task<LiveGame> OpenAsync(long id, GameServices services, Func<LiveGame, Task> load)
    {
        var live = new LiveGame(id, services);
        live.subscription = services.Bus.Subscribe(id, gameEvent =>
        {
            if (live.events.IsNews(gameEvent))
            {
                live.queue.Post(() => live.events.OnEventAsync(gameEvent));
            }
        });
        try
        {
            await live.queue.RunAsync(async () =>
            {
                await load(live);
                LiveGameLog.Opened(live.logger, id, live.copy.Game.Version);

                // A scoring phase whose suggestion never landed (the instance that began it stopped first).
                live.SuggestIfScoringBegan();
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

    public IDisposable SubscribeSpectator(ISpectatorObserver spectator) => observers.Subscribe(spectator);

    /// <summary>Queues <see cref="GameEvents.RetryAsync"/> after <paramref name="delay"/>; nothing once the game has left memory.</summary>
    private void RetryEventsAfter(TimeSpan delay) =>
        _ = Task.Delay(delay, services.Time).ContinueWith(_ => queue.Post(events.RetryAsync), TaskScheduler.Default);

    public Task<ActionReply> ActAsync(GameSeat seat, ActionType type, Point? point) =>
        ActAsync(seat, SeatIntent.Act(type, point));

    /// <summary>Accepts the scoring phase's count for <paramref name="markingVersion"/> (<see cref="CountAcceptance"/>).</summary>
    public Task<ActionReply> AcceptCountAsync(GameSeat seat, int markingVersion) =>
        ActAsync(seat, SeatIntent.AcceptCount(markingVersion));

    private async Task<ActionReply> ActAsync(GameSeat seat, SeatIntent intent)
    {
        var started = Stopwatch.GetTimestamp();

        // The clock stops when the action reaches this game's queue, not when its turn on the queue comes.
        var receivedAt = StoreTime.Now(services.Time);
        var reply = await queue.RunAsync(() => ActOnQueueAsync(seat, intent, receivedAt));
        if (intent.Type is null && reply.Failure == ActionFailure.Preempted)
        {
            // An acceptance names the marking it accepts, so judging it again on the game that won is safe: it answers
            // an acceptance that came first, or is refused as stale when the marking changed.
            reply = await queue.RunAsync(() => ActOnQueueAsync(seat, intent, receivedAt));
        }

        services.Metrics.ActionHandled(intent.MetricType, MetricNames.Outcome(reply), Stopwatch.GetElapsedTime(started));
        return reply;
    }

    public Task<ActionReply> ChatAsync(GameSeat seat, string text) => queue.RunAsync(() => ChatOnQueueAsync(seat, text));

    /// <summary>
    /// Takes a key of this game for a connection here, through the group commit, on the game's queue: who is connected,
    /// as the take's transaction read it, reaches the copy in order with every other change. The other instances are told.
    /// </summary>
    public Task<KeyChange?> TakeKeyAsync(KeyTake take) =>
        queue.RunAsync(() => ChangeKeyOnQueueAsync(services.Writer.TakeKeyAsync(take with { GameId = Id })));

    /// <summary>Releases a key a connection here holds, the same way.</summary>
    public Task<KeyChange?> ReleaseKeyAsync(KeyRelease release) =>
        queue.RunAsync(() => ChangeKeyOnQueueAsync(services.Writer.ReleaseKeyAsync(release)));

    /// <summary>
    /// A key of this game was taken here before the game was held here: tell the other instances, and, when the copy
    /// was read before the key was taken (another seat here opened it meanwhile), re-read who is connected.
    /// </summary>
    public Task AnnounceTakenAsync(KeyChange taken, bool reread) => queue.RunAsync(async () =>
    {
        await services.Bus.PublishAsync(WithLobbyChange(new PresenceChanged(Id, taken.Presence.Version, Me, taken.Key.Color, true), taken.Presence));
        if (reread)
        {
            await resync.RefreshPresenceAsync();
        }

        return true;
    });

    /// <summary>The chat so far, up to the last line this copy has told its observers: later lines reach them as events.</summary>
    public Task<IReadOnlyList<ChatMessage>> ChatThreadAsync(CancellationToken cancellationToken) => queue.RunAsync(async () =>
    {
        var seen = copy.LastChatId;
        if (seen == 0)
        {
            return (IReadOnlyList<ChatMessage>)[];
        }

        var messages = await services.Store.ChatAfterAsync(Id, 0, cancellationToken);
        return [.. messages.Where(m => m.Id <= seen).Select(m => new ChatMessage(m.Id, m.At, m.Color, m.Text))];
    });

    /// <summary>
    /// Makes a seat whose key was just taken known to the queue. When another connection's take reached the queue first
    /// (two tabs racing), who holds the keys is read again, so the seat that lost is told at once.
    /// </summary>
    public Task AddSeatAsync(GameSeat seat) => queue.RunAsync(async () =>
    {
        if (!Seats.Add(seat))
        {
            try
            {
                await resync.RefreshPresenceAsync();
            }
#pragma warning disable CA1031 // Unreachable store: the seat learns on the next presence event or resync.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LiveGameLog.EventFailed(logger, exception, Id, "presence re-read");
            }
        }

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

    private async Task<ActionReply> ActOnQueueAsync(GameSeat seat, SeatIntent intent, DateTimeOffset receivedAt)
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
        if (await EndOnTimeIfOverdueAsync(receivedAt, now) is { } lostOnTime)
        {
            return ActionReply.Judged(lostOnTime);
        }

        if (intent.Type == ActionType.SuggestDead)
        {
            // The server's action, never a player's.
            return ActionReply.Judged(new ActionRefusal.UnknownAction(intent.Type.Value));
        }

        if (intent.Type == ActionType.ClaimWin && await OpponentNotGoneAsync(seat.Color, now) is { } notGone)
        {
            return ActionReply.Refused(notGone);
        }

        var version = copy.Game.Version;
        var action = ActionFor(seat.Color, intent, receivedAt, now);
        var outcome = copy.Game.Apply(action);
        if (!outcome.Accepted && await resync.TryCatchUpAsync())
        {
            // The copy here was behind (the opponent's move still on its way): judge the action on the current game.
            version = copy.Game.Version;
            action = ActionFor(seat.Color, intent, receivedAt, now);
            outcome = copy.Game.Apply(action);
        }

        if (outcome is ActionRefusal.FlagFell late)
        {
            // Out of time before it was sent: the game is lost on time, whether or not the sweep got there first.
            _ = await CommitTimeoutAsync(late.Player, now);
            return ActionReply.Judged(late);
        }

        return outcome.Accepted
            ? await CommitAcceptedAsync(action, outcome, version, seat.Key, seat.StoreHolder)
            : ActionReply.Judged(outcome);
    }

    /// <summary>
    /// The presence event, and a lobby change when both players are now connected: a game that both have joined may
    /// start showing among the lobby's live games (receivers re-read the lists once per burst).
    /// </summary>
    private GameEvent[] WithLobbyChange(PresenceChanged presence, GamePresence now) =>
        now.Connected.Black && now.Connected.White && presence.Connected ? [presence, new LobbyChanged(Me)] : [presence];

    private async Task<KeyChange?> ChangeKeyOnQueueAsync(Task<KeyChange?> writing)
    {
        var change = await writing;
        if (change is { Changed: true })
        {
            await services.Bus.PublishAsync(WithLobbyChange(new PresenceChanged(Id, change.Presence.Version, Me, change.Key.Color, change.Key.HeldByInstance is not null), change.Presence));
            resync.AdoptPresence(change.Presence);
        }

        return change;
    }

    private async Task<ActionReply> ChatOnQueueAsync(GameSeat seat, string text)
    {
        if (seat.IsReleased)
        {
            return ActionReply.Refused(ActionFailure.SeatReleased);
        }

        ChatMessageRecord? message;
        try
        {
            message = await services.Store.AddChatAsync(Id, seat.Color, seat.StoreHolder, text, StoreTime.Now(services.Time), CancellationToken.None);
        }
#pragma warning disable CA1031 // The store failed: nothing was sent, and the player may try again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LiveGameLog.CommitFailed(logger, exception, Id);
            return ActionReply.Refused(ActionFailure.Unavailable);
        }

        if (message is null)
        {
            // Another connection holds the key now (a take-over on another instance this one has not heard of yet):
            // reading who holds it tells the seat, as a refused move does.
            await resync.TryCatchUpAsync();
            return ActionReply.Refused(ActionFailure.SeatReleased);
        }

        await services.Bus.PublishAsync([new ChatPosted(Id, copy.Game.Version, Me, message.Id)]);

        // Reads everything after the last line seen, so a line another instance committed just before ours comes first.
        await resync.DeliverNewChatAsync();
        return ActionReply.Succeeded;
    }
}
