using System.Security.Cryptography;
using Igo.Domain;
using Igo.Web.Computer;
using Igo.Web.Games;

namespace Igo.Testing.Games;

/// <summary>
/// The coordinator in memory, for testing what sits on top of it (the compatibility endpoint, the pages, the computer
/// player host) without a store: real <see cref="Game"/>s of the rules engine, each key held by one connection at a
/// time, a computer key joinable only with its secret, the launcher told when a game against the computer is created,
/// and a chat thread per game under the real chat rules. A game's actions are applied one at a time, and each change reaches every observer
/// before the call that made it returns (the harshest order for a caller to put right). Several hosts built on one
/// instance see the same keys, as instances sharing one store do; it is also their <see cref="IComputerKeyDirectory"/>.
/// The hooks below script what the rules cannot produce on demand (a refused join, a failing store).
/// Not the real coordinator: no store, no events between instances, no clock.
/// </summary>
public sealed class InMemoryCoordinator(TimeProvider? time = null) : IGameCoordinator, IComputerKeyDirectory
{
    private const string KeyAlphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private readonly Lock gate = new();
    private readonly Dictionary<string, InMemoryGame> games = new(StringComparer.Ordinal);
    private readonly List<(string Key, SeatHolder Holder)> joins = [];
    private readonly List<string> takeOvers = [];
    private readonly List<(NewGameRequest Request, SeatHolder Holder)> creations = [];
    private readonly List<(Color Player, ActionType Type, Point? Point, ActionReply Reply)> attempts = [];
    private long nextGameId;
    private long nextChatId;

    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    public IComputerPlayerLauncher? Launcher { get; set; }

    /// <summary>
    /// When set and it answers a key, that answer stands for the join's: a scripted failure, a seat of the test's own,
    /// or an answer that comes only when the test completes the task.
    /// </summary>
    public Func<string, Task<SeatOutcome>?>? AnswerJoin { get; set; }

    /// <summary>When set and it answers a request, that answer stands for the creation's.</summary>
    public Func<NewGameRequest, SeatOutcome?>? AnswerCreate { get; set; }

    /// <summary>When set, every action and chat line throws this, as a failing store would (no exception text may reach a player).</summary>
    public Exception? ThrowOnAct { get; set; }

    /// <summary>Every join that reached the coordinator, in order (to show that a throttled join never does).</summary>
    public IReadOnlyList<(string Key, SeatHolder Holder)> Joins => Copy(joins);

    /// <summary>The keys of the joins that were take-overs (<see cref="TakeOverAsync"/>), in order; they are in <see cref="Joins"/> too.</summary>
    public IReadOnlyList<string> TakeOvers => Copy(takeOvers);

    /// <summary>Every creation that reached the coordinator, in order.</summary>
    public IReadOnlyList<(NewGameRequest Request, SeatHolder Holder)> Creations => Copy(creations);

    /// <summary>Every action any seat sent, with its reply (to check that nothing loops).</summary>
    public IReadOnlyList<(Color Player, ActionType Type, Point? Point, ActionReply Reply)> Attempts => Copy(attempts);

    public async Task<SeatOutcome> CreateGameAsync(NewGameRequest request, SeatHolder holder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        InMemoryGame game;
        lock (gate)
        {
            creations.Add((request, holder));
            if (AnswerCreate?.Invoke(request) is { } scripted)
            {
                return scripted;
            }

            if (GameSettings.Check(request.Size, request.Rules) is { } refusal)
            {
                return SeatOutcome.InvalidBecause(InvalidRequest.Settings, refusal);
            }

            var keys = new GameKeys(NewKey(), NewKey());
            var computer = request.Opponent == OpponentKind.Computer ? request.CreatorColor.Opponent() : (Color?)null;
            game = new InMemoryGame(this, ++nextGameId, Game.Create(request.Size, request.Rules), keys, computer, computer is null ? null : NewKey(), request.ComputerLevel);
            games[keys.Black] = game;
            games[keys.White] = game;
        }

        var seat = (await game.TakeAsync(request.CreatorColor, holder))!;
        if (game.ComputerColor is { } computerColor)
        {
            Launcher?.Launch(game.ComputerSeat(computerColor));
        }

        return SeatOutcome.Held(seat);
    }

    public Task<SeatOutcome> JoinGameAsync(string key, string? computerSecret, SeatHolder holder, CancellationToken cancellationToken = default) =>
        JoinAsync(key, computerSecret, holder, takeOver: false);

    /// <summary>A join that takes the key from another connection of the holder's kind (the seat it displaces is told).</summary>
    public Task<SeatOutcome> TakeOverAsync(string key, SeatHolder holder, CancellationToken cancellationToken = default) =>
        JoinAsync(key, null, holder, takeOver: true);

    private async Task<SeatOutcome> JoinAsync(string key, string? computerSecret, SeatHolder holder, bool takeOver)
    {
        InMemoryGame? game;
        Task<SeatOutcome>? scripted;
        lock (gate)
        {
            joins.Add((key, holder));
            if (takeOver)
            {
                takeOvers.Add(key);
            }

            scripted = AnswerJoin?.Invoke(key);
            games.TryGetValue(key, out game);
        }

        if (scripted is not null)
        {
            return await scripted;
        }

        if (game is null)
        {
            return SeatOutcome.Refused(SeatFailure.NotFound);
        }

        var color = game.Keys.Black == key ? Color.Black : Color.White;
        if (game.ComputerColor == color && computerSecret != game.Secret)
        {
            return SeatOutcome.Refused(computerSecret is null ? SeatFailure.ComputerOnly : SeatFailure.WrongSecret);
        }

        var seat = await game.TakeAsync(color, holder, takeOver);
        return seat is null ? SeatOutcome.Refused(SeatFailure.InUse) : SeatOutcome.Held(seat);
    }

    /// <summary>The computer key of the game with this key, with its secret (what the real coordinator passes to a launcher).</summary>
    public ComputerSeatRequest ComputerSeatOf(string key)
    {
        var game = GameOf(key);
        return game.ComputerSeat(game.ComputerColor ?? throw new InvalidOperationException("The game has no computer player."));
    }

    public Task<IReadOnlyList<ComputerSeatRequest>> FindUndrivenAsync(CancellationToken cancellationToken = default)
    {
        InMemoryGame[] all;
        lock (gate)
        {
            all = [.. games.Values.Distinct()];
        }

        IReadOnlyList<ComputerSeatRequest> requests = all
            .Where(game => game.ComputerColor is { } color && !game.IsHeld(color) && game.IsHeld(color.Opponent()) && game.View.Status != GameStatus.Complete)
            .Select(game => game.ComputerSeat(game.ComputerColor!.Value))
            .ToList();
        return Task.FromResult(requests);
    }

    public GameView ViewOf(string key) => GameOf(key).View;

    public SeatHolder? HolderOf(string key)
    {
        var game = GameOf(key);
        return game.HolderOf(game.Keys.Black == key ? Color.Black : Color.White);
    }

    internal long NextChatId() => Interlocked.Increment(ref nextChatId);

    internal void Record(Color player, ActionType type, Point? point, ActionReply reply)
    {
        lock (gate)
        {
            attempts.Add((player, type, point, reply));
        }
    }

    private static string NewKey() => RandomNumberGenerator.GetString(KeyAlphabet, 10);

    private InMemoryGame GameOf(string key)
    {
        lock (gate)
        {
            return games.TryGetValue(key, out var game) ? game : throw new KeyNotFoundException($"No game has the key {key}.");
        }
    }

    private List<T> Copy<T>(List<T> list)
    {
        lock (gate)
        {
            return [.. list];
        }
    }
}
