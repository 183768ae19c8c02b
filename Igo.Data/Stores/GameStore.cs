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
    public async Task<GameRecord> CreateGameAsync(NewGame request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var game = new GameRecord
        {
            Size = request.Size,
            KoRule = request.Rules.Ko,
            Scoring = request.Rules.Scoring,
            Komi = request.Rules.Komi,
            Handicap = request.Rules.Handicap,
            Status = GameStatus.Play,
            Version = 0,
            TimePlayedSeconds = 0,
            ClockRunningSince = request.Now,
            CreatedAt = request.Now,
            UpdatedAt = request.Now,
        };
        db.Games.Add(game);
        await db.SaveChangesAsync(cancellationToken);

        var computerColor = request.CreatorColor.Opponent();
        foreach (var color in new[] { Color.Black, Color.White })
        {
            var isCreator = color == request.CreatorColor;
            db.PlayerKeys.Add(new PlayerKeyRecord
            {
                Key = color == Color.Black ? request.BlackKey : request.WhiteKey,
                OpponentKey = color == Color.Black ? request.WhiteKey : request.BlackKey,
                GameId = game.Id,
                Color = color,
                ComputerSecret = color == computerColor ? request.ComputerSecret : null,
                ComputerLevel = color == computerColor ? request.ComputerLevel : null,
                HeldByInstance = isCreator ? request.Creator.Instance : null,
                HeldByConnection = isCreator ? request.Creator.ConnectionId : null,
                HeldSince = isCreator ? request.Now : null,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return game;
    }

    public async Task<PlayerKeyRecord?> FindKeyAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PlayerKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Key == key, cancellationToken);
    }

    /// <summary>
    /// Takes a key for a connection if nobody holds it, and starts the game's clock if nobody else was connected
    /// (docs/PROTOCOL.md §6). Exactly one of several racing connections, on any instances, gets <see cref="HoldResult.Held"/>.
    /// </summary>
    public async Task<HoldResult> TryHoldKeyAsync(string key, KeyHolder holder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holder);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.PlayerKeys.AsNoTracking().Where(k => k.Key == key).Select(k => new { k.GameId, k.HeldByInstance, k.HeldByConnection }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return HoldResult.NotFound;
        }

        if (found.HeldByInstance is { } instance)
        {
            return instance == holder.Instance && found.HeldByConnection == holder.ConnectionId ? HoldResult.AlreadyHolding : HoldResult.InUse;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockGameAsync(db, found.GameId, now, cancellationToken);
        var taken = await db.PlayerKeys
            .Where(k => k.Key == key && k.HeldByInstance == null)
            .ExecuteUpdateAsync(
                set => set.SetProperty(k => k.HeldByInstance, holder.Instance).SetProperty(k => k.HeldByConnection, holder.ConnectionId).SetProperty(k => k.HeldSince, now),
                cancellationToken);
        if (taken == 0)
        {
            return HoldResult.InUse;
        }

        await db.Games
            .Where(g => g.Id == found.GameId && g.ClockRunningSince == null)
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.ClockRunningSince, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return HoldResult.Held;
    }

    /// <summary>Releases a key if this connection holds it; stops the clock when nobody is left. Null when it was not held by it.</summary>
    public async Task<ReleasedKey?> ReleaseKeyAsync(string key, KeyHolder holder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holder);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.PlayerKeys.AsNoTracking().Where(k => k.Key == key).Select(k => new { k.GameId, k.Color }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = await LockGameAsync(db, found.GameId, now, cancellationToken);
        var released = await db.PlayerKeys
            .Where(k => k.Key == key && k.HeldByInstance == holder.Instance && k.HeldByConnection == holder.ConnectionId)
            .ExecuteUpdateAsync(ClearHolder, cancellationToken);
        if (released == 0)
        {
            return null;
        }

        await StopClockIfNobodyLeftAsync(db, found.GameId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ReleasedKey(found.GameId, found.Color, version);
    }

    /// <summary>Releases every key a (dead or stopping) instance holds. Returns what was released, for presence events.</summary>
    public async Task<IReadOnlyList<ReleasedKey>> ReleaseInstanceKeysAsync(Guid instance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
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
                .ExecuteUpdateAsync(ClearHolder, cancellationToken);
            if (count > 0)
            {
                await StopClockIfNobodyLeftAsync(db, key.GameId, cancellationToken);
                released.Add(new ReleasedKey(key.GameId, key.Color, version));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return released;
    }

    public async Task<StoredGame?> LoadGameAsync(long gameId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
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
        return new StoredGame(
            game,
            keys.Single(k => k.Color == Color.Black),
            keys.Single(k => k.Color == Color.White),
            [.. actions.Select(a => a.ToAction())]);
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
                Black = db.PlayerKeys.Any(k => k.GameId == g.Id && k.Color == Color.Black && k.HeldByInstance != null),
                White = db.PlayerKeys.Any(k => k.GameId == g.Id && k.Color == Color.White && k.HeldByInstance != null),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new GamePresence(row.Version, new PerColor<bool>(row.Black, row.White), row.TimePlayedSeconds, row.ClockRunningSince);
    }

    public async Task<ChatMessageRecord> AddChatAsync(long gameId, Color color, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The game row lock orders chat of one game across instances, so ids increase in commit order within a game
        // and a receiver that reads "after id N" never skips a message committed late.
        await LockGameAsync(db, gameId, now, cancellationToken);
        var message = new ChatMessageRecord { GameId = gameId, Color = color, Text = text, At = now };
        db.ChatMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return message;
    }

    public async Task<IReadOnlyList<ChatMessageRecord>> ChatAfterAsync(long gameId, long afterId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ChatMessages.AsNoTracking()
            .Where(c => c.GameId == gameId && c.Id > afterId)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The newest chat message's id in a game (0 for none): where a copy of the game starts following its chat.</summary>
    public async Task<long> LastChatIdAsync(long gameId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ChatMessages.Where(c => c.GameId == gameId).MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
    }

    private static void ClearHolder(Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<PlayerKeyRecord> set) =>
        set.SetProperty(k => k.HeldByInstance, (Guid?)null).SetProperty(k => k.HeldByConnection, (string?)null).SetProperty(k => k.HeldSince, (DateTimeOffset?)null);

    /// <summary>Takes the game row's lock for the rest of the transaction (an UPDATE, so SQLite takes its write lock at once too).</summary>
    private static async Task<int> LockGameAsync(IgoDbContext db, long gameId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Games.Where(g => g.Id == gameId).ExecuteUpdateAsync(set => set.SetProperty(g => g.UpdatedAt, now), cancellationToken);
        return await db.Games.Where(g => g.Id == gameId).Select(g => g.Version).SingleAsync(cancellationToken);
    }

    private static Task<int> StopClockIfNobodyLeftAsync(IgoDbContext db, long gameId, CancellationToken cancellationToken) =>
        db.Games
            .Where(g => g.Id == gameId && !db.PlayerKeys.Any(k => k.GameId == gameId && k.HeldByInstance != null))
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.ClockRunningSince, (DateTimeOffset?)null), cancellationToken);
}
