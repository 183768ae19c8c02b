using Igo.Data.Model;
using Igo.Domain;
using Microsoft.EntityFrameworkCore;

namespace Igo.Data.Stores;

/// <summary>
/// Rematches of finished games. Every answer is decided under the old game's row lock, so offers, withdrawals,
/// declines and acceptances of one game are ordered across instances; the unique <c>rematch_of</c> is the last word:
/// a game has one rematch at most, and a press that finds it is sent there.
/// </summary>
public sealed partial class GameStore
{
    /// <summary>
    /// A player's "yes" (as lichess's rematcher has it): against the computer, or when the opponent is offering, the
    /// rematch starts (colours swapped, the same settings, neither key held); when it already exists, it is found;
    /// otherwise the offer is recorded. <see cref="RematchAnswer.NewKey"/> is only ever the asking player's own key.
    /// </summary>
    public async Task<RematchAnswer> OfferRematchAsync(RematchYes yes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(yes);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            return await AnswerAsync(db, yes.Key, yes.Now, (game, key, opponent) => Yes(db, game, key, opponent, yes, cancellationToken), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another press created the rematch between our read and our insert (the index refused ours): go there.
            var found = await LoadRematchAsync(yes.Key, cancellationToken);
            if (found?.NewKey is null)
            {
                throw;
            }

            return new RematchAnswer(RematchOutcome.Started, found.GameId, found.Version) { NewKey = found.NewKey };
        }
    }

    /// <summary>A player's "no": withdraws their own offer, or declines the opponent's (who may not offer again for a while).</summary>
    public async Task<RematchAnswer> DeclineRematchAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await AnswerAsync(db, key, now, (game, player, _) => Task.FromResult(No(game, player.Color, now)), cancellationToken);
    }

    /// <summary>Where a game's rematch stands, as the holder of <paramref name="key"/> may see it; null when there is no such key.</summary>
    public async Task<RematchStatus?> LoadRematchAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await (
            from player in db.PlayerKeys.AsNoTracking()
            join game in db.Games on player.GameId equals game.Id
            join opponent in db.PlayerKeys on player.OpponentKey equals opponent.Key
            where player.Key == key
            select new
            {
                game.Id,
                game.Version,
                player.Color,
                Computer = opponent.ComputerSecret != null,
                game.Status,
                game.RematchOfferedBy,
                game.RematchDeclined,
                game.RematchDeclinedAt,
                NewKey = db.PlayerKeys
                    .Where(k => k.Color != player.Color && db.Games.Any(g => g.Id == k.GameId && g.RematchOf == game.Id))
                    .Select(k => k.Key)
                    .FirstOrDefault(),
            }).SingleOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new RematchStatus(row.Id, row.Version, row.Color, row.Computer, row.Status == GameStatus.Complete, row.RematchOfferedBy, row.RematchDeclined, row.RematchDeclinedAt, row.NewKey);
    }

    /// <summary>
    /// The watch id of the rematch of game <paramref name="gameId"/>; null while there is none. Spectators of a game
    /// follow its rematch with it: they could watch the first game, and the rematch is listed or unlisted as it was.
    /// </summary>
    public async Task<string?> LoadRematchWatchIdAsync(long gameId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Games.AsNoTracking().Where(g => g.RematchOf == gameId).Select(g => g.WatchId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Locks the key's game, reads it, decides with <paramref name="decide"/> and commits what it changed.</summary>
    private static async Task<RematchAnswer> AnswerAsync(
        IgoDbContext db, string key, DateTimeOffset now, Func<GameRecord, PlayerKeyRecord, PlayerKeyRecord, Task<RematchAnswer>> decide, CancellationToken cancellationToken)
    {
        var player = await db.PlayerKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Key == key, cancellationToken);
        if (player is null)
        {
            return new RematchAnswer(RematchOutcome.NoSuchKey, 0, 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockGameRowAsync(db, player.GameId, now, cancellationToken);
        var game = await db.Games.SingleAsync(g => g.Id == player.GameId, cancellationToken);
        var opponent = await db.PlayerKeys.AsNoTracking().SingleAsync(k => k.Key == player.OpponentKey, cancellationToken);
        if (game.Status != GameStatus.Complete || player.ComputerSecret is not null)
        {
            return new RematchAnswer(RematchOutcome.NotOver, game.Id, game.Version);
        }

        var answer = await decide(game, player, opponent);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return answer;
    }

    private static async Task<RematchAnswer> Yes(IgoDbContext db, GameRecord game, PlayerKeyRecord player, PlayerKeyRecord opponent, RematchYes yes, CancellationToken cancellationToken)
    {
        var me = player.Color;
        var existing = await db.Games.AsNoTracking().Where(g => g.RematchOf == game.Id).Select(g => (long?)g.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } rematchId)
        {
            var mine = await db.PlayerKeys.AsNoTracking().Where(k => k.GameId == rematchId && k.Color == me.Opponent()).Select(k => k.Key).SingleAsync(cancellationToken);
            return new RematchAnswer(RematchOutcome.Started, game.Id, game.Version) { NewKey = mine };
        }

        var computer = opponent.ComputerSecret is not null;
        if (!computer && game.RematchOfferedBy != me.Opponent())
        {
            if (game.RematchDeclined == me && game.RematchDeclinedAt is { } declinedAt && declinedAt + yes.DeclineCooldown > yes.Now)
            {
                return new RematchAnswer(RematchOutcome.DeclinedRecently, game.Id, game.Version) { MayOfferAt = declinedAt + yes.DeclineCooldown };
            }

            if (yes.OffersLimitedUntil is { } limitedUntil && limitedUntil > yes.Now)
            {
                return new RematchAnswer(RematchOutcome.TooManyOffers, game.Id, game.Version) { MayOfferAt = limitedUntil };
            }

            game.RematchOfferedBy = me;
            return new RematchAnswer(RematchOutcome.Offered, game.Id, game.Version);
        }

        var rematch = new GameRecord
        {
            Size = game.Size,
            KoRule = game.KoRule,
            Scoring = game.Scoring,
            Komi = game.Komi,
            Handicap = game.Handicap,
            TimeControl = game.TimeControl,
            Status = GameStatus.Play,
            RematchOf = game.Id,
            WatchId = WatchIds.New(),
            Listed = game.Listed,
            CreatedAt = yes.Now,
            UpdatedAt = yes.Now,
        };
        db.Games.Add(rematch);
        game.RematchOfferedBy = null;
        await db.SaveChangesAsync(cancellationToken);

        // Colours swap: the player who was black plays white, and a computer opponent keeps its level under a new secret.
        db.PlayerKeys.Add(NewKey(rematch.Id, me.Opponent(), yes, null, null));
        db.PlayerKeys.Add(NewKey(rematch.Id, me, yes, computer ? yes.ComputerSecret : null, opponent.ComputerLevel));
        return new RematchAnswer(RematchOutcome.Started, game.Id, game.Version) { NewKey = yes.KeyFor(me.Opponent()) };
    }

    private static PlayerKeyRecord NewKey(long gameId, Color color, RematchYes yes, string? secret, string? level) => new()
    {
        Key = yes.KeyFor(color),
        OpponentKey = yes.KeyFor(color.Opponent()),
        GameId = gameId,
        Color = color,
        ComputerSecret = secret,
        ComputerLevel = secret is null ? null : level,
    };

    private static RematchAnswer No(GameRecord game, Color me, DateTimeOffset now)
    {
        if (game.RematchOfferedBy == me)
        {
            game.RematchOfferedBy = null;
            return new RematchAnswer(RematchOutcome.Withdrawn, game.Id, game.Version);
        }

        if (game.RematchOfferedBy == me.Opponent())
        {
            game.RematchOfferedBy = null;
            game.RematchDeclined = me.Opponent();
            game.RematchDeclinedAt = now;
            return new RematchAnswer(RematchOutcome.Declined, game.Id, game.Version);
        }

        return new RematchAnswer(RematchOutcome.NothingToAnswer, game.Id, game.Version);
    }
}
