using Igo.Data.Model;
using Igo.Domain;

namespace Igo.Data.Stores;

/// <summary>A connection holding a key: which instance, and which connection on it.</summary>
public sealed record KeyHolder(Guid Instance, string ConnectionId);

/// <summary>What is needed to store a new game: its two keys, who created it, and a computer opponent's secret and level if any.</summary>
public sealed record NewGame(
    int Size,
    Ruleset Rules,
    string BlackKey,
    string WhiteKey,
    Color CreatorColor,
    KeyHolder Creator,
    string? ComputerSecret,
    string? ComputerLevel,
    DateTimeOffset Now);

/// <summary>A game as stored: its row, its two keys and its whole action log in order.</summary>
public sealed record StoredGame(GameRecord Game, PlayerKeyRecord Black, PlayerKeyRecord White, IReadOnlyList<GameAction> Actions)
{
    public PlayerKeyRecord KeyOf(Color color) => color == Color.Black ? Black : White;

    public PerColor<bool> Connected => new(Black.HeldByInstance is not null, White.HeldByInstance is not null);
}

/// <summary>Who holds a game's keys now, with the clock and version read in the same statement.</summary>
public sealed record GamePresence(int Version, PerColor<bool> Connected, double TimePlayedSeconds, DateTimeOffset? ClockRunningSince);

public enum HoldResult
{
    Held,
    NotFound,

    /// <summary>Held by another connection (on any instance).</summary>
    InUse,

    /// <summary>Already held by this very connection.</summary>
    AlreadyHolding,
}

/// <summary>A key released: the game, its colour and the game's version then (for the presence event).</summary>
public sealed record ReleasedKey(long GameId, Color Color, int Version);

/// <summary>
/// One accepted action to commit: the game row moves from <see cref="ExpectedVersion"/> to one more, only if it is
/// still at that version and the acting key is still held by this connection.
/// </summary>
public sealed record ActionCommit(
    long GameId,
    int ExpectedVersion,
    string ActorKey,
    KeyHolder Holder,
    GameAction Action,
    GameStatus StatusAfter,
    GameResult? ResultAfter,
    double TimePlayedSeconds,
    DateTimeOffset Now);

public enum CommitResult
{
    Committed,

    /// <summary>Another writer moved the game on first: the action was preempted.</summary>
    VersionConflict,

    /// <summary>This connection no longer holds the key (its instance's lease was taken over).</summary>
    NotHolder,
}
