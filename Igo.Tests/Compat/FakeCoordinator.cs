using System.Security.Cryptography;
using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Tests.Compat;

/// <summary>
/// A small in-memory coordinator for testing the translation layer on its own (message order, errors, limits): turns,
/// occupied points, passes to the endgame and resignation; every other action is "not permitted" without the rules'
/// reason (to exercise the endpoint's own text). Events go to every subscriber of the game synchronously, before the
/// action's call returns: the harshest order for the endpoint to put right. Not the real coordinator.
/// </summary>
public sealed class FakeCoordinator : IGameCoordinator
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, FakeGame> gamesByKey = new(StringComparer.Ordinal);
    private long nextGameId;
    private long nextChatId;

    /// <summary>When set, every action throws this (to check that no exception text reaches a client).</summary>
    public Exception? ThrowOnAct { get; set; }

    public Task<SeatOutcome> CreateGameAsync(NewGameRequest request, SeatHolder holder, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var keys = new GameKeys(NewKey(), NewKey());
            var game = new FakeGame(this, ++nextGameId, request.Size, request.Rules, keys, request.Opponent == OpponentKind.Computer ? request.CreatorColor.Opponent() : null);
            gamesByKey[keys.Black] = game;
            gamesByKey[keys.White] = game;
            return Task.FromResult(SeatOutcome.Held(game.Take(request.CreatorColor, holder)));
        }
    }

    public Task<SeatOutcome> JoinGameAsync(string key, string? computerSecret, SeatHolder holder, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!gamesByKey.TryGetValue(key, out var game))
            {
                return Task.FromResult(SeatOutcome.Refused(SeatFailure.NotFound));
            }

            var color = game.Keys.Black == key ? Color.Black : Color.White;
            if (game.Holder(color) is not null)
            {
                return Task.FromResult(SeatOutcome.Refused(SeatFailure.InUse));
            }

            if (game.ComputerColor == color && computerSecret is null)
            {
                return Task.FromResult(SeatOutcome.Refused(SeatFailure.ComputerOnly));
            }

            return Task.FromResult(SeatOutcome.Held(game.Take(color, holder)));
        }
    }

    internal long NextChatId() => Interlocked.Increment(ref nextChatId);

    private static string NewKey()
    {
        const string alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        return RandomNumberGenerator.GetString(alphabet, 10);
    }

    private sealed class FakeGame(FakeCoordinator owner, long id, int size, Ruleset rules, GameKeys keys, Color? computerColor)
    {
        private readonly Lock gate = new();
        private readonly Stone[] stones = new Stone[size * size];
        private readonly List<ChatMessage> chat = [];
        private readonly List<(FakeSeat Seat, IGameObserver Observer)> observers = [];
        private readonly SeatHolder?[] holders = new SeatHolder?[3];
        private GameStatus status = GameStatus.Play;
        private Color turn = Color.Black;
        private Point? lastMove;
        private bool lastWasPass;
        private GameResult? result;
        private int version;

        public GameKeys Keys => keys;

        public Color? ComputerColor => computerColor;

        public SeatHolder? Holder(Color color) => holders[(int)color];

        public FakeSeat Take(Color color, SeatHolder holder)
        {
            lock (gate)
            {
                holders[(int)color] = holder;
                Publish(o => o.OnPresenceAsync(color, true));
                return new FakeSeat(this, color);
            }
        }

        public GameSnapshot Snapshot()
        {
            lock (gate)
            {
                var points = stones.Select(s => PointState.Empty with { Stone = s }).ToArray();
                var view = new GameView(
                    size, rules, status, turn, points, new PerColor<int>(0, 0), new PerColor<int>(0, 0), null, result, lastMove,
                    version, version, null, stones.Select(s => s == Stone.Empty).ToArray());
                return new GameSnapshot(id, view, version * 1.5, DateTimeOffset.UtcNow, new PerColor<bool>(holders[1] is not null, holders[2] is not null));
            }
        }

        public ActionReply Act(Color player, ActionType type, Point? point)
        {
            if (owner.ThrowOnAct is { } failure)
            {
                throw failure;
            }

            lock (gate)
            {
                var reply = Apply(player, type, point);
                if (reply.Success)
                {
                    version++;
                    var snapshot = Snapshot();
                    Publish(o => o.OnGameChangedAsync(snapshot));
                }

                return reply;
            }
        }

        public ActionReply Chat(Color author, string text)
        {
            lock (gate)
            {
                var message = new ChatMessage(owner.NextChatId(), DateTimeOffset.UtcNow, author, text);
                chat.Add(message);
                Publish(o => o.OnChatAsync(message));
                return ActionReply.Succeeded;
            }
        }

        public IReadOnlyList<ChatMessage> Thread()
        {
            lock (gate)
            {
                return [.. chat];
            }
        }

        public Unsubscriber Subscribe(FakeSeat seat, IGameObserver observer)
        {
            lock (gate)
            {
                observers.Add((seat, observer));
                return new Unsubscriber(() =>
                {
                    lock (gate)
                    {
                        observers.Remove((seat, observer));
                    }
                });
            }
        }

        public void Release(FakeSeat seat)
        {
            lock (gate)
            {
                observers.RemoveAll(o => o.Seat == seat);
                holders[(int)seat.Color] = null;
                Publish(o => o.OnPresenceAsync(seat.Color, false));
            }
        }

        private ActionReply Apply(Color player, ActionType type, Point? point)
        {
            var notPermitted = ActionReply.Refused(ActionFailure.NotPermitted);
            switch (type)
            {
                case ActionType.PlaceStone when status == GameStatus.Play && point is { } at:
                    if (player != turn)
                    {
                        return ActionReply.Judged(new ActionRefusal.NotYourTurn(player));
                    }

                    if (stones[(at.Row * size) + at.Col] != Stone.Empty)
                    {
                        return ActionReply.Judged(new ActionRefusal.Occupied(at));
                    }

                    stones[(at.Row * size) + at.Col] = player.ToStone();
                    (turn, lastMove, lastWasPass) = (player.Opponent(), at, false);
                    return ActionReply.Judged(new ActionOutcome.StonePlaced(player, at));
                case ActionType.Pass when status == GameStatus.Play:
                    if (player != turn)
                    {
                        return ActionReply.Judged(new ActionRefusal.NotYourTurn(player));
                    }

                    (status, turn, lastMove, lastWasPass) = (lastWasPass ? GameStatus.Endgame : GameStatus.Play, player.Opponent(), null, true);
                    return ActionReply.Judged(new ActionOutcome.Passed(player));
                case ActionType.Resign when status == GameStatus.Play:
                    (status, result, lastMove) = (GameStatus.Complete, new GameResult(ResultType.Resignation, player.Opponent()), null);
                    return ActionReply.Judged(new ActionOutcome.Resigned(player));
                default:
                    return notPermitted;
            }
        }

        private void Publish(Func<IGameObserver, Task> deliver)
        {
            foreach (var (_, observer) in observers.ToArray())
            {
                deliver(observer).GetAwaiter().GetResult();
            }
        }
    }

    private sealed class FakeSeat(FakeGame game, Color color) : IGameSeat
    {
        public long GameId => game.Snapshot().GameId;

        public string Key => game.Keys.For(color);

        public Color Color => color;

        public GameKeys Keys => game.Keys;

        public bool OpponentIsComputer => game.ComputerColor == color.Opponent();

        public string? OpponentComputerId => null;

        public GameSnapshot Snapshot => game.Snapshot();

        public Task<IReadOnlyList<ChatMessage>> ChatThreadAsync(CancellationToken cancellationToken = default) => Task.FromResult(game.Thread());

        public IDisposable Subscribe(IGameObserver observer) => game.Subscribe(this, observer);

        public Task<ActionReply> ActAsync(ActionType type, Point? point, CancellationToken cancellationToken = default) =>
            Task.FromResult(game.Act(color, type, point));

        public Task<ActionReply> ChatAsync(string text, CancellationToken cancellationToken = default) => Task.FromResult(game.Chat(color, text));

        public ValueTask DisposeAsync()
        {
            game.Release(this);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
