using System.Collections.Immutable;
using Igo.Domain;

namespace Igo.Web.Games;

public enum OpponentKind
{
    Human,
    Computer,
}

/// <summary>
/// What a player asks for when starting a game. <see cref="ComputerLevel"/> names a computer player when the opponent
/// is one; <see cref="TimeControl"/> times the game (null: untimed).
/// </summary>
public sealed record NewGameRequest(int Size, Ruleset Rules, Color CreatorColor, OpponentKind Opponent, string? ComputerLevel = null, TimeControl? TimeControl = null)
{
    /// <summary>Public (listed in the lobby) or watchable by its link only.</summary>
    public bool Listed { get; init; } = true;
}

/// <summary>The two player keys of a game (10 characters of base-62 each).</summary>
public sealed record GameKeys(string Black, string White)
{
    public string For(Color color) => color == Color.Black ? Black : White;
}

public enum ConnectionKind
{
    Circuit,
    Socket,
    Computer,
}

/// <summary>The connection that holds a key. <see cref="ConnectionId"/> is unique within an instance.</summary>
public sealed record SeatHolder(ConnectionKind Kind, string ConnectionId);

/// <summary>A chat line with its server-assigned, increasing id and server time.</summary>
public sealed record ChatMessage(long Id, DateTimeOffset At, Color Author, string Text);

/// <summary>
/// A game as one version of it was committed: the rules view, the time played so far, when the shared clock started
/// running (null while nobody is connected), and which colours are held by a connection on any instance.
/// </summary>
public sealed record GameSnapshot(long GameId, GameView View, double TimePlayedSeconds, DateTimeOffset? ClockRunningSince, PerColor<bool> Connected)
{
    /// <summary>
    /// Since when each colour has been away (its key free on every instance); null while connected. A player may claim
    /// the game once the opponent has been away for the grace period (<see cref="ClockOptions"/>).
    /// </summary>
    public PerColor<DateTimeOffset?> AwaySince { get; init; }

    /// <summary>How many spectators watch the game, on every instance.</summary>
    public int Spectators { get; init; }

    /// <summary>The line of play so far, for the move list (shared between snapshots: never changed once made).</summary>
    public ImmutableList<Move> Moves { get; init; } = [];
}

/// <summary>Receives a game's committed changes. Calls for one observer never overlap and arrive in commit order.</summary>
public interface IGameObserver
{
    Task OnGameChangedAsync(GameSnapshot snapshot);

    Task OnChatAsync(ChatMessage message);

    Task OnPresenceAsync(Color color, bool connected);
}

/// <summary>
/// A player key held by one connection. Every action of the player goes through it; disposing it releases the key
/// (durably, on every instance) and tells the opponent.
/// </summary>
public interface IGameSeat : IAsyncDisposable
{
    long GameId { get; }

    string Key { get; }

    Color Color { get; }

    GameKeys Keys { get; }

    bool OpponentIsComputer { get; }

    /// <summary>The computer opponent chosen for the game (an <see cref="Igo.Computer.IComputerOpponents"/> id); null for a person or the default.</summary>
    string? OpponentComputerId { get; }

    /// <summary>The latest committed state this instance knows.</summary>
    GameSnapshot Snapshot { get; }

    /// <summary>
    /// The chat so far, as this instance has seen it (like <see cref="Snapshot"/>): a line committed elsewhere a moment
    /// ago reaches a subscriber through <see cref="IGameObserver.OnChatAsync"/>, in id order after these.
    /// </summary>
    Task<IReadOnlyList<ChatMessage>> ChatThreadAsync(CancellationToken cancellationToken = default);

    IDisposable Subscribe(IGameObserver observer);

    Task<ActionReply> ActAsync(ActionType type, Point? point, CancellationToken cancellationToken = default);

    /// <summary>
    /// Accepts the scoring phase's count as marked at <paramref name="markingVersion"/> (the version the player saw):
    /// answers the opponent's pending acceptance, which ends the game, or else waits for theirs. Decided on the game's
    /// queue; refused (<see cref="ActionRefusal.StaleMarking"/>) when the marking changed since.
    /// </summary>
    Task<ActionReply> AcceptCountAsync(int markingVersion, CancellationToken cancellationToken = default);

    Task<ActionReply> ChatAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>The id of the game's watch link (<c>/watch/{id}</c>), which gives away no seat.</summary>
    string WatchId { get; }

    /// <summary>
    /// Completes when another connection of the same player took the key over (<see cref="IGameCoordinator.TakeOverAsync"/>):
    /// from then on every action and chat line is refused (<see cref="ActionFailure.SeatReleased"/>), and disposing the
    /// seat releases nothing. Never completes for a seat released by its own holder.
    /// </summary>
    Task TakenOver { get; }

    /// <summary>
    /// The spectators' chat, for a player: null while the game goes on (the scoring phase included), which players
    /// never see it during; the whole thread once it is over.
    /// </summary>
    Task<IReadOnlyList<SpectatorMessage>?> SpectatorChatAsync(CancellationToken cancellationToken = default);
}

/// <summary>The one path by which an action reaches the rules and the store, from a circuit, a socket or a computer player.</summary>
public interface IGameCoordinator
{
    Task<SeatOutcome> CreateGameAsync(NewGameRequest request, SeatHolder holder, CancellationToken cancellationToken = default);

    Task<SeatOutcome> JoinGameAsync(string key, string? computerSecret, SeatHolder holder, CancellationToken cancellationToken = default);

    /// <summary>
    /// Joins a person's key like <see cref="JoinGameAsync"/>, and when another connection of the same kind holds it (the
    /// player's other tab or device), takes it from that one in the same conditional write: its seat learns it through
    /// <see cref="IGameSeat.TakenOver"/>, on whichever instance it is, and the opponent sees no coming and going. A key
    /// held by another kind of connection (a WebSocket client, a computer player) is refused as in use.
    /// </summary>
    Task<SeatOutcome> TakeOverAsync(string key, SeatHolder holder, CancellationToken cancellationToken = default);
}
