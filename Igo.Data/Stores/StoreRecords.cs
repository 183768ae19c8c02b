using Igo.Data.Model;
using Igo.Domain;

namespace Igo.Data.Stores;

/// <summary>A connection holding a key: which instance, and which connection on it.</summary>
public sealed record KeyHolder(Guid Instance, string ConnectionId)
{
    /// <summary>The holder a key row names; null when the key is free.</summary>
    public static KeyHolder? Of(Guid? instance, string? connectionId) =>
        instance is { } held && connectionId is not null ? new KeyHolder(held, connectionId) : null;

    public static PerColor<KeyHolder?> Of(PlayerKeyRecord black, PlayerKeyRecord white) =>
        new(Of(black.HeldByInstance, black.HeldByConnection), Of(white.HeldByInstance, white.HeldByConnection));
}

/// <summary>
/// One write the group commit carries (docs/decisions/0003-group-commit.md): an accepted action, a new game, a key
/// taken or a key released. A group locks the games its writes touch in <see cref="LockOrder"/>, so two instances'
/// overlapping groups cannot deadlock.
/// </summary>
public abstract record StoreWrite
{
    /// <summary>The game whose row the write locks (0 for a new game: nobody else can touch its rows yet).</summary>
    public abstract long LockOrder { get; }
}

/// <summary>
/// What is needed to store a new game: its two keys, who created it, a computer opponent's secret and level if any,
/// and its time control (null: untimed).
/// </summary>
public sealed record NewGame(
    int Size,
    Ruleset Rules,
    string BlackKey,
    string WhiteKey,
    Color CreatorColor,
    KeyHolder Creator,
    string? ComputerSecret,
    string? ComputerLevel,
    DateTimeOffset Now,
    TimeControl? TimeControl = null) : StoreWrite
{
    public override long LockOrder => 0;

    /// <summary>The watch link's id; a fresh one unless the caller chose it.</summary>
    public string WatchId { get; init; } = WatchIds.New();

    /// <summary>Public (listed in the lobby), or watchable by its link only.</summary>
    public bool Listed { get; init; } = true;

    /// <summary>The game exactly as storing it under <paramref name="id"/> leaves it, so that it need not be read back.</summary>
    public StoredGame AsStored(long id)
    {
        var game = new GameRecord
        {
            Id = id,
            Size = Size,
            KoRule = Rules.Ko,
            Scoring = Rules.Scoring,
            Komi = Rules.Komi,
            Handicap = Rules.Handicap,
            TimeControl = TimeControl ?? TimeControl.None,
            Status = GameStatus.Play,
            Version = 0,
            TimePlayedSeconds = 0,
            ClockRunningSince = Now,
            WatchId = WatchId,
            Listed = Listed,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        return new StoredGame(game, KeyRecord(id, Color.Black), KeyRecord(id, Color.White), []);
    }

    private PlayerKeyRecord KeyRecord(long id, Color color)
    {
        var isCreator = color == CreatorColor;
        var isComputer = color != CreatorColor;
        return new PlayerKeyRecord
        {
            Key = color == Color.Black ? BlackKey : WhiteKey,
            OpponentKey = color == Color.Black ? WhiteKey : BlackKey,
            GameId = id,
            Color = color,
            ComputerSecret = isComputer ? ComputerSecret : null,
            ComputerLevel = isComputer ? ComputerLevel : null,
            HeldByInstance = isCreator ? Creator.Instance : null,
            HeldByConnection = isCreator ? Creator.ConnectionId : null,
            HeldSince = isCreator ? Now : null,
        };
    }
}

/// <summary>
/// Take a key for a connection if nobody holds it and its computer secret is <see cref="ComputerSecret"/> (null: a
/// person's key), and start the game's clock if nobody else was connected (docs/PROTOCOL.md §6). <see cref="GameId"/> is the
/// key's game when the caller knows it, which a take in a group needs; null only for a take on its own.
/// </summary>
public sealed record KeyTake(string Key, KeyHolder Holder, string? ComputerSecret, DateTimeOffset Now, long? GameId = null) : StoreWrite
{
    public override long LockOrder => GameId ?? throw new InvalidOperationException("A take in a group must name its game");

    /// <summary>
    /// When set, a key held by another connection whose id starts with this prefix is taken from it too (a take-over,
    /// docs/decisions/0011-seat-take-over.md): in the same conditional update, so of racing take-overs each wins in turn
    /// and the last one holds the key. Null: only a free key is taken.
    /// </summary>
    public string? TakeOverPrefix { get; init; }
}

/// <summary>Release a key if this connection holds it, and stop the game's clock when nobody is left connected.</summary>
public sealed record KeyRelease(long GameId, string Key, KeyHolder Holder, DateTimeOffset Now) : StoreWrite
{
    public override long LockOrder => GameId;
}

/// <summary>
/// What a take or a release found: the key as it is afterwards, whether this write changed it, and who holds the
/// game's keys, with its version and clock, as the same transaction left them (under the game row's lock).
/// </summary>
public sealed record KeyChange(PlayerKeyRecord Key, bool Changed, GamePresence Presence);

/// <summary>The answer to one write of a group, in the order of the writes.</summary>
public abstract record WriteResult
{
    public sealed record Action(CommitResult Result) : WriteResult;

    public sealed record Created(long GameId) : WriteResult;

    /// <summary>A take or release; null when there is no such key.</summary>
    public sealed record Key(KeyChange? Change) : WriteResult;
}

/// <summary>
/// A game as a copy of it starts following it: the stored game, its newest chat line's id (0 for none), and where its
/// spectators stand.
/// </summary>
public sealed record LoadedGame(StoredGame Stored, long LastChatId, SpectatorState Spectators);

/// <summary>Where a game's spectators stand: how many watch it on live instances, and its newest spectators' chat line (0 for none).</summary>
public sealed record SpectatorState(int Count, long LastMessageId)
{
    public static SpectatorState None { get; } = new(0, 0);
}

/// <summary>A game as stored: its row, its two keys and its whole action log in order.</summary>
public sealed record StoredGame(GameRecord Game, PlayerKeyRecord Black, PlayerKeyRecord White, IReadOnlyList<GameAction> Actions)
{
    public PlayerKeyRecord KeyOf(Color color) => color == Color.Black ? Black : White;

    public PerColor<bool> Connected => new(Black.HeldByInstance is not null, White.HeldByInstance is not null);

    public PerColor<DateTimeOffset?> AwaySince => new(Black.AwaySince, White.AwaySince);
}

/// <summary>Who holds a game's keys now, with the clock and version read in the same statement.</summary>
public sealed record GamePresence(int Version, PerColor<bool> Connected, double TimePlayedSeconds, DateTimeOffset? ClockRunningSince)
{
    /// <summary>Since when each colour's key has been free (<see cref="Model.PlayerKeyRecord.AwaySince"/>); null while held or never held.</summary>
    public PerColor<DateTimeOffset?> AwaySince { get; init; }

    /// <summary>Who holds each colour's key (null: free), so that a connection whose key was taken over learns it.</summary>
    public PerColor<KeyHolder?> Holders { get; init; }
}


/// <summary>A game whose running clock's flag has fallen by <see cref="Deadline"/>, as of <see cref="Version"/>.</summary>
public sealed record DueDeadline(long GameId, int Version, DateTimeOffset Deadline);

/// <summary>A key released: the game, its colour and the game's version then (for the presence event).</summary>
public sealed record ReleasedKey(long GameId, Color Color, int Version);

/// <summary>
/// One accepted action to commit: the game row moves from <see cref="ExpectedVersion"/> to one more, only if it is
/// still at that version and the acting key is still held by this connection. A server's action (a timeout) has no
/// actor key nor holder: only the version is checked. <see cref="Deadline"/> is the running clock's deadline after
/// the action (null when no clock runs), which the timeout sweep reads.
/// </summary>
public sealed record ActionCommit(
    long GameId,
    int ExpectedVersion,
    string? ActorKey,
    KeyHolder? Holder,
    GameAction Action,
    GameStatus StatusAfter,
    GameResult? ResultAfter,
    double TimePlayedSeconds,
    DateTimeOffset Now,
    DateTimeOffset? Deadline) : StoreWrite
{
    public override long LockOrder => GameId;
}

public enum CommitResult
{
    Committed,

    /// <summary>Another writer moved the game on first: the action was preempted.</summary>
    VersionConflict,

    /// <summary>This connection no longer holds the key (its instance's lease was taken over).</summary>
    NotHolder,
}
