using Igo.Data;
using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Testing.Games;

/// <summary>
/// One game of the <see cref="InMemoryCoordinator"/>: the rules engine's <see cref="Game"/>, who holds each key, the
/// chat thread and the observers. Changes (actions, chat lines, presence) are applied one at a time and delivered to
/// every observer, in that order, before the next change starts.
/// </summary>
internal sealed class InMemoryGame(InMemoryCoordinator owner, long id, Game game, GameKeys keys, Color? computerColor, string? secret, string? level)
{
    private readonly Lock gate = new();
    private Task lastChange = Task.CompletedTask;
    private readonly SeatHolder?[] holders = new SeatHolder?[3];
    private readonly InMemorySeat?[] seats = new InMemorySeat?[3];
    private readonly List<ChatMessage> chat = [];
    private readonly List<(InMemorySeat Seat, IGameObserver Observer)> observers = [];

    public long Id => id;

    public GameKeys Keys => keys;

    public Color? ComputerColor => computerColor;

    public string? Secret => secret;

    public string? Level => level;

    /// <summary>The game's watch link id (an in-memory game has no spectators: it is only shown).</summary>
    public string WatchId { get; } = Igo.Data.WatchIds.New();

    public GameView View
    {
        get
        {
            lock (gate)
            {
                return game.View();
            }
        }
    }

    public ComputerSeatRequest ComputerSeat(Color color) => new(id, keys.For(color), secret!, level);

    public bool IsHeld(Color color) => HolderOf(color) is not null;

    public SeatHolder? HolderOf(Color color)
    {
        lock (gate)
        {
            return holders[(int)color];
        }
    }

    public GameSnapshot Snapshot()
    {
        lock (gate)
        {
            return new GameSnapshot(id, game.View(), 0, null, new PerColor<bool>(holders[1] is not null, holders[2] is not null));
        }
    }

    public IReadOnlyList<ChatMessage> Thread()
    {
        lock (gate)
        {
            return [.. chat];
        }
    }

    /// <summary>
    /// Takes the key for the holder and tells the observers; null when another connection holds it, unless
    /// <paramref name="takeOver"/> and that connection is of the holder's kind: then its seat is told it was taken over,
    /// and the observers hear nothing (the player never left).
    /// </summary>
    public async Task<InMemorySeat?> TakeAsync(Color color, SeatHolder holder, bool takeOver = false)
    {
        var seat = new InMemorySeat(this, color);
        InMemorySeat? displaced;
        lock (gate)
        {
            if (holders[(int)color] is { } current && (!takeOver || current.Kind != holder.Kind || current == holder))
            {
                return null;
            }

            displaced = seats[(int)color];
            holders[(int)color] = holder;
            seats[(int)color] = seat;
        }

        if (displaced is not null)
        {
            displaced.LoseToTakeOver();
            return seat;
        }

        await OneAtATimeAsync(() => DeliverAsync(observer => observer.OnPresenceAsync(color, true)));
        return seat;
    }

    public async Task ReleaseAsync(InMemorySeat seat)
    {
        lock (gate)
        {
            observers.RemoveAll(entry => entry.Seat == seat);
            if (seats[(int)seat.Color] != seat)
            {
                // Taken over: the key is another seat's.
                return;
            }

            holders[(int)seat.Color] = null;
            seats[(int)seat.Color] = null;
        }

        await OneAtATimeAsync(() => DeliverAsync(observer => observer.OnPresenceAsync(seat.Color, false)));
    }

    public IDisposable Subscribe(InMemorySeat seat, IGameObserver observer)
    {
        lock (gate)
        {
            observers.Add((seat, observer));
        }

        return new Unsubscriber(() =>
        {
            lock (gate)
            {
                observers.Remove((seat, observer));
            }
        });
    }

    public Task<ActionReply> ActAsync(Color player, ActionType type, Point? point) => ActAsync(player, _ => type, point, null);

    /// <summary>Accepts the count for <paramref name="markingVersion"/>, decided on the game as it stands (<see cref="CountAcceptance"/>).</summary>
    public Task<ActionReply> AcceptCountAsync(Color player, int markingVersion) =>
        ActAsync(player, current => CountAcceptance.ActionFor(current, player), null, markingVersion);

    private Task<ActionReply> ActAsync(Color player, Func<Game, ActionType> typeOf, Point? point, int? markingVersion) => OneAtATimeAsync(async () =>
    {
        FailIfAsked();
        ActionOutcome outcome;
        GameSnapshot snapshot;
        ActionType type;
        lock (gate)
        {
            type = typeOf(game);
            outcome = game.Apply(new GameAction(type, player, point, owner.Time.GetUtcNow()) { MarkingVersion = markingVersion });
            snapshot = Snapshot();
        }

        var reply = ActionReply.Judged(outcome, snapshot);
        owner.Record(player, type, point, reply);
        if (outcome.Accepted)
        {
            await DeliverAsync(observer => observer.OnGameChangedAsync(snapshot));
        }

        return reply;
    });

    public Task<ActionReply> ChatAsync(Color author, string text) => ChatRules.Check(text) is { } refusal
        ? Task.FromResult(ActionReply.ChatRefused(refusal))
        : OneAtATimeAsync(async () =>
    {
        FailIfAsked();
        var message = new ChatMessage(owner.NextChatId(), owner.Time.GetUtcNow(), author, text);
        lock (gate)
        {
            chat.Add(message);
        }

        await DeliverAsync(observer => observer.OnChatAsync(message));
        return ActionReply.Succeeded;
    });

    private void FailIfAsked()
    {
        if (owner.ThrowOnAct is { } failure)
        {
            throw failure;
        }
    }

    // Each change starts when the one before it has been delivered, whatever became of it.
    private Task<T> OneAtATimeAsync<T>(Func<Task<T>> change)
    {
        lock (gate)
        {
            var next = lastChange.ContinueWith(_ => change(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            lastChange = next;
            return next;
        }
    }

    private Task<bool> OneAtATimeAsync(Func<Task> change) => OneAtATimeAsync(async () =>
    {
        await change();
        return true;
    });

    private async Task DeliverAsync(Func<IGameObserver, Task> deliver)
    {
        (InMemorySeat Seat, IGameObserver Observer)[] targets;
        lock (gate)
        {
            targets = [.. observers];
        }

        foreach (var (_, observer) in targets)
        {
            await deliver(observer);
        }
    }

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
