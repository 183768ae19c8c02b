using Igo.Data.Model;
using Igo.Domain;
using Microsoft.EntityFrameworkCore;

namespace Igo.Data.Stores;

/// <summary>
/// Reads and durable writes of games, keys and chat. Every write that others could race is a conditional UPDATE in a
/// transaction; presence changes first lock the game row so they are ordered with each other and with commits.
/// </summary>
public sealed partial class GameStore(IDbContextFactory<IgoDbContext> contexts) : IActionCommits
{
    /// <summary>Stores a new game with both its keys, the creator's held, in one round trip on PostgreSQL. Returns its id.</summary>
    public async Task<long> CreateGameAsync(NewGame game, CancellationToken cancellationToken) =>
        ((WriteResult.Created)await WriteAloneAsync(game, cancellationToken)).GameId;

    public async Task<PlayerKeyRecord?> FindKeyAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PlayerKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Key == key, cancellationToken);
    }

    /// <summary>
    /// Takes a key for a connection if nobody holds it and its computer secret is the one given, and starts the game's
    /// clock if nobody else was connected (docs/PROTOCOL.md §6), in one round trip on PostgreSQL. Exactly one of several racing
    /// connections, on any instances, gets <see cref="KeyChange.Changed"/>. Null when there is no such key.
    /// </summary>
    public async Task<KeyChange?> TakeKeyAsync(KeyTake take, CancellationToken cancellationToken) =>
        ((WriteResult.Key)await WriteAloneAsync(take, cancellationToken)).Change;

    /// <summary>
    /// Releases a key if this connection holds it, and stops the clock when nobody is left, in one round trip on
    /// PostgreSQL. <see cref="KeyChange.Changed"/> is false when it was not held by it; null when there is no such key.
    /// </summary>
    public async Task<KeyChange?> ReleaseKeyAsync(KeyRelease release, CancellationToken cancellationToken) =>
        ((WriteResult.Key)await WriteAloneAsync(release, cancellationToken)).Change;

    /// <summary>
    /// Releases every key a (dead or stopping) instance holds. Returns what was released, for presence events. Its
    /// players count as away since the instance's last heartbeat, when it was last known alive (or since now when it
    /// has no lease row), so a crash neither starts their grace period early nor hides it.
    /// </summary>
    public async Task<IReadOnlyList<ReleasedKey>> ReleaseInstanceKeysAsync(Guid instance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var heartbeat = await db.Instances.AsNoTracking().Where(i => i.Id == instance).Select(i => (DateTimeOffset?)i.HeartbeatAt).SingleOrDefaultAsync(cancellationToken);
        var awaySince = heartbeat is { } seen && seen < now ? seen : now;
        var held = await db.PlayerKeys.AsNoTracking()
            .Where(k => k.HeldByInstance == instance)
            .Select(k => new { k.Key, k.GameId, k.Color })
            .ToListAsync(cancellationToken);
        var released = new List<ReleasedKey>();
        foreach (var key in held.OrderBy(k => k.GameId))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var version = await LockGameAsync(db, key.GameId, now, cancellationToken);
            var count = await db.PlayerKeys
                .Where(k => k.Key == key.Key && k.HeldByInstance == instance)
                .ExecuteUpdateAsync(set => ClearHolder(set, awaySince), cancellationToken);
            if (count > 0)
            {
                await StopClockIfNobodyLeftAsync(db, key.GameId, cancellationToken);
                released.Add(new ReleasedKey(key.GameId, key.Color, version));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return released;
    }

    public async Task<StoredGame?> LoadGameAsync(long gameId, CancellationToken cancellationToken) =>
        (await LoadAsync(gameId, spectatorsAt: null, cancellationToken))?.Stored;

    /// <summary>
    /// A game, where its chat stands and its spectators on instances whose lease is current at <paramref name="now"/>,
    /// for a copy that starts following it: one round trip on PostgreSQL. Null when there is no such game.
    /// </summary>
    public Task<LoadedGame?> LoadFollowingAsync(long gameId, DateTimeOffset now, CancellationToken cancellationToken) =>
        LoadAsync(gameId, now, cancellationToken);

    private async Task<LoadedGame?> LoadAsync(long gameId, DateTimeOffset? spectatorsAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            return await PostgresGameLoad.LoadAsync((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), gameId, spectatorsAt, cancellationToken);
        }

        var game = await db.Games.AsNoTracking().SingleOrDefaultAsync(g => g.Id == gameId, cancellationToken);
        if (game is null)
        {
            return null;
        }

        var keys = await db.PlayerKeys.AsNoTracking().Where(k => k.GameId == gameId).ToListAsync(cancellationToken);
        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.GameId == gameId && a.Sequence <= game.Version)
            .OrderBy(a => a.Sequence)
            .ToListAsync(cancellationToken);
        var lastChatId = await db.ChatMessages.Where(c => c.GameId == gameId).MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        var spectators = spectatorsAt is { } now ? await SpectatorsAsync(db, gameId, now, cancellationToken) : SpectatorState.None;
        return new LoadedGame(
            new StoredGame(game, keys.Single(k => k.Color == Color.Black), keys.Single(k => k.Color == Color.White), [.. actions.Select(a => a.ToAction())]),
            lastChatId,
            spectators);
    }

    /// <summary>Actions after a version, for catching up a copy that is a few versions behind without replaying all.</summary>
    public async Task<IReadOnlyList<GameAction>> ActionsAfterAsync(long gameId, int version, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.GameId == gameId && a.Sequence > version)
            .OrderBy(a => a.Sequence)
            .ToListAsync(cancellationToken);
        return [.. actions.Select(a => a.ToAction())];
    }

    /// <summary>Who holds a game's keys, with its version and clock: one statement (the game joined with its keys).</summary>
    public async Task<GamePresence?> LoadPresenceAsync(long gameId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Games.AsNoTracking()
            .Where(g => g.Id == gameId)
            .Select(g => new
            {
                g.Version,
                g.TimePlayedSeconds,
                g.ClockRunningSince,
                Keys = db.PlayerKeys.Where(k => k.GameId == g.Id).Select(k => new { k.Color, k.HeldByInstance, k.HeldByConnection, k.AwaySince }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var black = row.Keys.Single(k => k.Color == Color.Black);
        var white = row.Keys.Single(k => k.Color == Color.White);
        return new GamePresence(row.Version, new PerColor<bool>(black.HeldByInstance is not null, white.HeldByInstance is not null), row.TimePlayedSeconds, row.ClockRunningSince)
        {
            AwaySince = new PerColor<DateTimeOffset?>(black.AwaySince, white.AwaySince),
            Holders = new PerColor<KeyHolder?>(KeyHolder.Of(black.HeldByInstance, black.HeldByConnection), KeyHolder.Of(white.HeldByInstance, white.HeldByConnection)),
        };
    }

    /// <summary>
    /// The games whose running clock's deadline is at or before <paramref name="dueBy"/>, earliest first, at most
    /// <paramref name="limit"/> (the timeout sweep; the partial index of timed games in play serves it).
    /// </summary>
    public async Task<IReadOnlyList<DueDeadline>> DueDeadlinesAsync(DateTimeOffset dueBy, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Games.AsNoTracking()
            .Where(g => g.TimeSystem != TimeSystem.None && g.Status != GameStatus.Complete && g.Deadline != null && g.Deadline <= dueBy)
            .OrderBy(g => g.Deadline)
            .Take(limit)
            .Select(g => new DueDeadline(g.Id, g.Version, g.Deadline!.Value))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Stores a player's chat line if <paramref name="holder"/> still holds the player's key; null, and nothing stored,
    /// when another connection took it over (docs/decisions/0011-seat-take-over.md) or it was released: a line from a
    /// tab that lost its seat on another instance, before that instance heard so, is refused like its moves.
    /// </summary>
    public Task<ChatMessageRecord?> AddChatAsync(long gameId, Color color, KeyHolder holder, string text, DateTimeOffset now, CancellationToken cancellationToken) =>
        AddUnderGameLockAsync(
            db => db.Games.Where(g => g.Id == gameId && db.PlayerKeys.Any(k =>
                k.GameId == gameId && k.Color == color && k.HeldByInstance == holder.Instance && k.HeldByConnection == holder.ConnectionId)),
            now,
            new ChatMessageRecord { GameId = gameId, Color = color, Text = text, At = now },
            cancellationToken);

    /// <summary>
    /// Stores a line of a game's chat (the players' or the spectators') under the game row's lock: the lock orders a
    /// game's lines across instances, so ids increase in commit order and a receiver that reads "after id N" never
    /// skips a line committed late. <paramref name="game"/> selects the game's row, with any condition the line needs
    /// (one statement takes the lock and checks it); null, and nothing stored, when the row does not qualify.
    /// </summary>
    private async Task<TLine?> AddUnderGameLockAsync<TLine>(Func<IgoDbContext, IQueryable<GameRecord>> game, DateTimeOffset now, TLine line, CancellationToken cancellationToken)
        where TLine : class
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await game(db).ExecuteUpdateAsync(set => set.SetProperty(g => g.UpdatedAt, now), cancellationToken) == 0)
        {
            return null;
        }

        db.Add(line);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return line;
    }

    public async Task<IReadOnlyList<ChatMessageRecord>> ChatAfterAsync(long gameId, long afterId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ChatMessages.AsNoTracking()
            .Where(c => c.GameId == gameId && c.Id > afterId)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
    }

    private static void ClearHolder(Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<PlayerKeyRecord> set, DateTimeOffset awaySince) =>
        set.SetProperty(k => k.HeldByInstance, (Guid?)null).SetProperty(k => k.HeldByConnection, (string?)null).SetProperty(k => k.HeldSince, (DateTimeOffset?)null)
            .SetProperty(k => k.AwaySince, awaySince);

    /// <summary>Takes the game row's lock for the rest of the transaction (an UPDATE, so SQLite takes its write lock at once too).</summary>
    private static Task<int> LockGameRowAsync(IgoDbContext db, long gameId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Games.Where(g => g.Id == gameId).ExecuteUpdateAsync(set => set.SetProperty(g => g.UpdatedAt, now), cancellationToken);

    /// <summary>Takes the game row's lock, then reads the game's version under it.</summary>
    private static async Task<int> LockGameAsync(IgoDbContext db, long gameId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await LockGameRowAsync(db, gameId, now, cancellationToken);
        return await db.Games.Where(g => g.Id == gameId).Select(g => g.Version).SingleAsync(cancellationToken);
    }

    private static Task<int> StopClockIfNobodyLeftAsync(IgoDbContext db, long gameId, CancellationToken cancellationToken) =>
        db.Games
            .Where(g => g.Id == gameId && !db.PlayerKeys.Any(k => k.GameId == gameId && k.HeldByInstance != null))
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.ClockRunningSince, (DateTimeOffset?)null), cancellationToken);
}
