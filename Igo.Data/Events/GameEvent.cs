using Igo.Domain;

namespace Igo.Data.Events;

/// <summary>
/// Something committed to a game, as the event bus carries it: small (ids and versions, never a board).
/// <see cref="Version"/> is the game's version when the event was committed, so a receiver can tell when it missed one.
/// <see cref="Origin"/> is the instance whose connection made the change (for a released lease: the dead instance).
/// </summary>
public abstract record GameEvent(long GameId, int Version, Guid Origin);

/// <summary>An accepted action, with what a receiver needs to apply it to its own copy of the game without a reload.</summary>
public sealed record ActionCommitted(
    long GameId,
    int Version,
    Guid Origin,
    GameAction Action,
    double TimePlayedSeconds,
    DateTimeOffset? ClockRunningSince) : GameEvent(GameId, Version, Origin);

/// <summary>A chat message was stored; receivers read it (and any before it they have not seen) by id.</summary>
public sealed record ChatPosted(long GameId, int Version, Guid Origin, long ChatId) : GameEvent(GameId, Version, Origin);

/// <summary>A key was taken or released. Receivers re-read who holds the game's keys, which orders concurrent changes.</summary>
public sealed record PresenceChanged(long GameId, int Version, Guid Origin, Color Color, bool Connected) : GameEvent(GameId, Version, Origin);

/// <summary>A spectators' chat line was stored; receivers read it (and any before it they have not seen) by id. Not versioned.</summary>
public sealed record SpectatorChatPosted(long GameId, Guid Origin, long MessageId) : GameEvent(GameId, 0, Origin);

/// <summary>An instance's spectator count of the game changed; receivers re-read the sum. Not versioned.</summary>
public sealed record SpectatorsChanged(long GameId, Guid Origin) : GameEvent(GameId, 0, Origin);

/// <summary>
/// Raised by the bus itself for every subscribed game when it may have missed events (after its listener reconnected):
/// the receiver re-reads the game from the store.
/// </summary>
public sealed record ResyncNeeded(long GameId) : GameEvent(GameId, 0, Guid.Empty);

/// <summary>A rematch of the (finished) game was offered, withdrawn, declined or made: its players re-read where it stands.</summary>
public sealed record RematchChanged(long GameId, int Version, Guid Origin) : GameEvent(GameId, Version, Origin);

/// <summary>
/// The lobby changed: a challenge was posted, taken, withdrawn or swept, or a public game started or ended. Lobby pages
/// re-read the lists. It rides the game channel under the reserved id <see cref="LobbyId"/> (no game has id 0), so
/// subscribing, ordering and the resync after a reconnect work as for a game; the bus sends one per batch however many
/// were published (docs/decisions/0012-lobby.md).
/// </summary>
public sealed record LobbyChanged(Guid Origin) : GameEvent(LobbyId, 0, Origin)
{
    /// <summary>The subscription id of the lobby: never a game's (game ids start at 1).</summary>
    public const long LobbyId = 0;
}
