using Igo.Data.Model;
using Igo.Domain;
using Microsoft.EntityFrameworkCore;

namespace Igo.Data.Stores;

/// <summary>
/// The group commit (docs/decisions/0003-group-commit.md): actions, new games, key takes and releases of many games in
/// one transaction, each write with its own checks.
/// </summary>
public sealed partial class GameStore
{
    /// <summary>
    /// Commits the writes in one transaction (one round trip on PostgreSQL), each with its own checks, so one conflict
    /// fails only its own write. Games are locked in id order, so two instances committing overlapping groups cannot
    /// deadlock. Results are in the order of <paramref name="writes"/>. Throws when the store cannot be reached
    /// (nothing committed, unless the connection died just after PostgreSQL committed: see <see cref="IActionCommits"/>).
    /// </summary>
    public async Task<IReadOnlyList<WriteResult>> CommitAsync(IReadOnlyList<StoreWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            return await PostgresGroupCommit.CommitAsync((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), writes, cancellationToken);
        }

        var results = new WriteResult[writes.Count];
        IEnumerable<int> order = writes.Count == 1 ? [0] : Enumerable.Range(0, writes.Count).OrderBy(i => writes[i].LockOrder);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var index in order)
        {
            results[index] = await WriteOneAsync(db, writes[index], cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    private async Task<WriteResult> WriteAloneAsync(StoreWrite write, CancellationToken cancellationToken) =>
        (await CommitAsync([write], cancellationToken))[0];

    private static async Task<WriteResult> WriteOneAsync(IgoDbContext db, StoreWrite write, CancellationToken cancellationToken) => write switch
    {
        ActionCommit commit => new WriteResult.Action(await CommitOneAsync(db, commit, cancellationToken)),
        NewGame game => new WriteResult.Created(await CreateOneAsync(db, game, cancellationToken)),
        KeyTake take => new WriteResult.Key(await TakeOneAsync(db, take, cancellationToken)),
        KeyRelease release => new WriteResult.Key(await ReleaseOneAsync(db, release, cancellationToken)),
        _ => throw new ArgumentException($"Cannot write a {write.GetType().Name}", nameof(write)),
    };

    private static async Task<CommitResult> CommitOneAsync(IgoDbContext db, ActionCommit commit, CancellationToken cancellationToken)
    {
        var actorKey = commit.ActorKey;
        var instance = commit.Holder?.Instance;
        var connection = commit.Holder?.ConnectionId;
        var updated = await db.Games
            .Where(g => g.Id == commit.GameId && g.Version == commit.ExpectedVersion
                && (actorKey == null || db.PlayerKeys.Any(k => k.Key == actorKey && k.HeldByInstance == instance && k.HeldByConnection == connection)))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(g => g.Version, commit.ExpectedVersion + 1)
                    .SetProperty(g => g.Status, commit.StatusAfter)
                    .SetProperty(g => g.ResultType, commit.ResultAfter == null ? null : commit.ResultAfter.Type)
                    .SetProperty(g => g.Winner, commit.ResultAfter == null ? null : commit.ResultAfter.Winner)
                    .SetProperty(g => g.TimePlayedSeconds, commit.TimePlayedSeconds)
                    .SetProperty(g => g.ClockRunningSince, commit.Now)
                    .SetProperty(g => g.Deadline, commit.Deadline)
                    .SetProperty(g => g.UpdatedAt, commit.Now),
                cancellationToken);
        if (updated == 1)
        {
            db.Actions.Add(ActionRecord.From(commit.GameId, commit.ExpectedVersion + 1, commit.Action));
            return CommitResult.Committed;
        }

        var version = await db.Games.Where(g => g.Id == commit.GameId).Select(g => (int?)g.Version).SingleOrDefaultAsync(cancellationToken);
        return version == commit.ExpectedVersion ? CommitResult.NotHolder : CommitResult.VersionConflict;
    }

    private static async Task<long> CreateOneAsync(IgoDbContext db, NewGame game, CancellationToken cancellationToken)
    {
        var stored = game.AsStored(0);
        db.Games.Add(stored.Game);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var key in new[] { stored.Black, stored.White })
        {
            key.GameId = stored.Game.Id;
            db.PlayerKeys.Add(key);
        }

        await db.SaveChangesAsync(cancellationToken);
        return stored.Game.Id;
    }

    private static Task<KeyChange?> TakeOneAsync(IgoDbContext db, KeyTake take, CancellationToken cancellationToken)
    {
        var (key, holder, secret, now, prefix) = (take.Key, take.Holder, take.ComputerSecret, take.Now, take.TakeOverPrefix);
        return ChangeKeyOneAsync(
            db,
            key,
            now,
            () => db.PlayerKeys
                .Where(k => k.Key == key && k.ComputerSecret == secret
                    && (k.HeldByInstance == null
                        || (prefix != null && k.HeldByConnection!.StartsWith(prefix)
                            && (k.HeldByInstance != holder.Instance || k.HeldByConnection != holder.ConnectionId))))
                .ExecuteUpdateAsync(
                    set => set.SetProperty(k => k.HeldByInstance, holder.Instance).SetProperty(k => k.HeldByConnection, holder.ConnectionId).SetProperty(k => k.HeldSince, now)
                        .SetProperty(k => k.AwaySince, (DateTimeOffset?)null),
                    cancellationToken),
            gameId => db.Games
                .Where(g => g.Id == gameId && g.ClockRunningSince == null)
                .ExecuteUpdateAsync(set => set.SetProperty(g => g.ClockRunningSince, now), cancellationToken),
            cancellationToken);
    }

    private static Task<KeyChange?> ReleaseOneAsync(IgoDbContext db, KeyRelease release, CancellationToken cancellationToken)
    {
        var (key, holder, now) = (release.Key, release.Holder, release.Now);
        return ChangeKeyOneAsync(
            db,
            key,
            release.Now,
            () => db.PlayerKeys
                .Where(k => k.Key == key && k.HeldByInstance == holder.Instance && k.HeldByConnection == holder.ConnectionId)
                .ExecuteUpdateAsync(set => ClearHolder(set, now), cancellationToken),
            gameId => StopClockIfNobodyLeftAsync(db, gameId, cancellationToken),
            cancellationToken);
    }

    /// <summary>
    /// A take or release on SQLite: lock the key's game row, change the key, and when it changed start or stop the clock;
    /// then read back where the game stands. Null when there is no such key.
    /// </summary>
    private static async Task<KeyChange?> ChangeKeyOneAsync(
        IgoDbContext db, string key, DateTimeOffset now, Func<Task<int>> changeKey, Func<long, Task<int>> changeClock, CancellationToken cancellationToken)
    {
        if (await GameOfKeyAsync(db, key, cancellationToken) is not { } gameId)
        {
            return null;
        }

        await LockGameRowAsync(db, gameId, now, cancellationToken);
        var changed = await changeKey() == 1;
        if (changed)
        {
            await changeClock(gameId);
        }

        return await KeyStateAsync(db, gameId, key, changed, cancellationToken);
    }

    private static Task<long?> GameOfKeyAsync(IgoDbContext db, string key, CancellationToken cancellationToken) =>
        db.PlayerKeys.Where(k => k.Key == key).Select(k => (long?)k.GameId).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The key and who holds the game's keys, read in the transaction that holds the game row's lock: one statement (the
    /// game joined with its keys).
    /// </summary>
    private static async Task<KeyChange> KeyStateAsync(IgoDbContext db, long gameId, string key, bool changed, CancellationToken cancellationToken)
    {
        var game = await db.Games.AsNoTracking()
            .Where(g => g.Id == gameId)
            .Select(g => new { g.Version, g.TimePlayedSeconds, g.ClockRunningSince, Keys = db.PlayerKeys.Where(k => k.GameId == g.Id).ToList() })
            .SingleAsync(cancellationToken);
        var keys = game.Keys;
        var connected = new PerColor<bool>(
            keys.Any(k => k.Color == Color.Black && k.HeldByInstance != null),
            keys.Any(k => k.Color == Color.White && k.HeldByInstance != null));
        var black = keys.Single(k => k.Color == Color.Black);
        var white = keys.Single(k => k.Color == Color.White);
        var presence = new GamePresence(game.Version, connected, game.TimePlayedSeconds, game.ClockRunningSince)
        {
            AwaySince = new PerColor<DateTimeOffset?>(black.AwaySince, white.AwaySince),
            Holders = KeyHolder.Of(black, white),
        };
        return new KeyChange(keys.Single(k => k.Key == key), changed, presence);
    }
}
