using System.Security.Cryptography;
using Igo.Computer;
using Igo.Domain;
using Igo.Web.Computer;
using Igo.Web.Games;

namespace Igo.Tests.Computer;

/// <summary>
/// A rules-backed coordinator in memory, for testing the computer player host on its own: real <see cref="Game"/>s,
/// keys held by one connection at a time, a computer key joinable only with its secret, and the launcher told after a
/// game against the computer is created. Observers are called in commit order, outside the lock, one call at a time.
/// It stands in for several instances sharing one store: hosts built on the same instance see the same keys.
/// Also serves as the hosts' <see cref="IComputerKeyDirectory"/>. Not the real coordinator.
/// </summary>
internal sealed class InMemoryCoordinator : IGameCoordinator, IComputerKeyDirectory
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LocalGameState> games = new(StringComparer.Ordinal);
    private long nextGameId;

    public IComputerPlayerLauncher? Launcher { get; set; }

    /// <summary>Every action any seat sent, with its reply (to check that nothing loops).</summary>
    public List<(Color Player, ActionType Type, Point? Point, ActionReply Reply)> Attempts { get; } = [];

    public Task<SeatOutcome> CreateGameAsync(NewGameRequest request, SeatHolder holder, CancellationToken cancellationToken = default)
    {
        LocalGameState state;
        lock (gate)
        {
            var keys = new GameKeys(NewKey(), NewKey());
            var computer = request.Opponent == OpponentKind.Computer ? request.CreatorColor.Opponent() : (Color?)null;
            state = new LocalGameState(this, ++nextGameId, Game.Create(request.Size, request.Rules), keys, computer, computer is null ? null : NewKey(), request.ComputerLevel);
            games[keys.Black] = state;
            games[keys.White] = state;
        }

        var seat = state.Take(request.CreatorColor, holder)!;
        if (state.ComputerColor is { } computerColor)
        {
            Launcher?.Launch(new ComputerSeatRequest(state.Id, state.Keys.For(computerColor), state.Secret!, state.Level));
        }

        return Task.FromResult(SeatOutcome.Held(seat));
    }

    public Task<SeatOutcome> JoinGameAsync(string key, string? computerSecret, SeatHolder holder, CancellationToken cancellationToken = default)
    {
        LocalGameState? state;
        lock (gate)
        {
            games.TryGetValue(key, out state);
        }

        if (state is null)
        {
            return Task.FromResult(SeatOutcome.Refused(SeatFailure.NotFound));
        }

        var color = state.Keys.Black == key ? Color.Black : Color.White;
        if (state.ComputerColor == color && computerSecret != state.Secret)
        {
            var failure = computerSecret is null ? SeatFailure.ComputerOnly : SeatFailure.WrongSecret;
            return Task.FromResult(SeatOutcome.Refused(failure));
        }

        var seat = state.Take(color, holder);
        return Task.FromResult(seat is null ? SeatOutcome.Refused(SeatFailure.InUse) : SeatOutcome.Held(seat));
    }

    /// <summary>The computer key of the game with this key, with its secret (what the real coordinator passes to a launcher).</summary>
    public ComputerSeatRequest ComputerSeatOf(string key)
    {
        lock (gate)
        {
            var state = games[key];
            return new ComputerSeatRequest(state.Id, state.Keys.For(state.ComputerColor!.Value), state.Secret!, state.Level);
        }
    }

    public Task<IReadOnlyList<ComputerSeatRequest>> FindUndrivenAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<ComputerSeatRequest> requests = games.Values.Distinct()
                .Where(state => state.ComputerColor is { } color && !state.IsHeld(color) && state.IsHeld(color.Opponent()) && state.Status != GameStatus.Complete)
                .Select(state => new ComputerSeatRequest(state.Id, state.Keys.For(state.ComputerColor!.Value), state.Secret!, state.Level))
                .ToList();
            return Task.FromResult(requests);
        }
    }

    public GameView ViewOf(string key)
    {
        lock (gate)
        {
            return games[key].View;
        }
    }

    public SeatHolder? HolderOf(string key)
    {
        lock (gate)
        {
            var state = games[key];
            return state.HolderOf(state.Keys.Black == key ? Color.Black : Color.White);
        }
    }

    internal void Record(Color player, ActionType type, Point? point, ActionReply reply)
    {
        lock (gate)
        {
            Attempts.Add((player, type, point, reply));
        }
    }

    private static string NewKey() => RandomNumberGenerator.GetString("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 10);

    private sealed class LocalGameState(InMemoryCoordinator owner, long id, Game game, GameKeys keys, Color? computerColor, string? secret, string? level)
    {
        private readonly SemaphoreSlim oneAtATime = new(1, 1);
        private readonly Lock gate = new();
        private readonly SeatHolder?[] holders = new SeatHolder?[3];
        private readonly List<(LocalSeat Seat, IGameObserver Observer)> observers = [];

        public long Id => id;

        public GameKeys Keys => keys;

        public Color? ComputerColor => computerColor;

        public string? Secret => secret;

        public string? Level => level;

        public GameStatus Status
        {
            get
            {
                lock (gate)
                {
                    return game.Status;
                }
            }
        }

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

        public LocalSeat? Take(Color color, SeatHolder holder)
        {
            lock (gate)
            {
                if (holders[(int)color] is not null)
                {
                    return null;
                }

                holders[(int)color] = holder;
            }

            _ = PublishAsync(observer => observer.OnPresenceAsync(color, true));
            return new LocalSeat(this, color);
        }

        public async Task ReleaseAsync(LocalSeat seat)
        {
            lock (gate)
            {
                observers.RemoveAll(entry => entry.Seat == seat);
                holders[(int)seat.Color] = null;
            }

            await PublishAsync(observer => observer.OnPresenceAsync(seat.Color, false));
        }

        public Unsubscriber Subscribe(LocalSeat seat, IGameObserver observer)
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

        // Actions of a game one at a time, each published to every observer before the next is applied (commit order).
        public async Task<ActionReply> ActAsync(Color player, ActionType type, Point? point)
        {
            await oneAtATime.WaitAsync();
            try
            {
                ActionOutcome outcome;
                GameSnapshot snapshot;
                lock (gate)
                {
                    outcome = game.Apply(new GameAction(type, player, point, DateTimeOffset.UtcNow));
                    snapshot = Snapshot();
                }

                var reply = ActionReply.Judged(outcome);
                owner.Record(player, type, point, reply);
                if (outcome.Accepted)
                {
                    await DeliverAsync(observer => observer.OnGameChangedAsync(snapshot));
                }

                return reply;
            }
            finally
            {
                oneAtATime.Release();
            }
        }

        private async Task PublishAsync(Func<IGameObserver, Task> deliver)
        {
            await oneAtATime.WaitAsync();
            try
            {
                await DeliverAsync(deliver);
            }
            finally
            {
                oneAtATime.Release();
            }
        }

        private async Task DeliverAsync(Func<IGameObserver, Task> deliver)
        {
            (LocalSeat Seat, IGameObserver Observer)[] targets;
            lock (gate)
            {
                targets = [.. observers];
            }

            foreach (var (_, observer) in targets)
            {
                await deliver(observer);
            }
        }
    }

    private sealed class LocalSeat(LocalGameState state, Color color) : IGameSeat
    {
        private int released;

        public long GameId => state.Snapshot().GameId;

        public string Key => state.Keys.For(color);

        public Color Color => color;

        public GameKeys Keys => state.Keys;

        public bool OpponentIsComputer => state.ComputerColor == color.Opponent();

        public string? OpponentComputerId => null;

        public GameSnapshot Snapshot => state.Snapshot();

        public Task<IReadOnlyList<ChatMessage>> ChatThreadAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<ChatMessage>>([]);

        public IDisposable Subscribe(IGameObserver observer) => state.Subscribe(this, observer);

        public Task<ActionReply> ActAsync(ActionType type, Point? point, CancellationToken cancellationToken = default) => state.ActAsync(color, type, point);

        public Task<ActionReply> ChatAsync(string text, CancellationToken cancellationToken = default) => Task.FromResult(ActionReply.Succeeded);

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                await state.ReleaseAsync(this);
            }
        }
    }

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
