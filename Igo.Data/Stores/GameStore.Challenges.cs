using Igo.Data.Model;
using Igo.Domain;
using Microsoft.EntityFrameworkCore;

namespace Igo.Data.Stores;

/// <summary>
/// The lobby's open challenges (docs/decisions/0012-lobby.md). A challenge lives while its creator's page refreshes
/// its <c>seen_at</c>; taking one is one conditional write: the DELETE of a row still seen within the grace, which
/// exactly one of racing takers on any instances gets, and the game created in the same transaction.
/// </summary>
public sealed partial class GameStore
{
    /// <summary>Stores a challenge; returns its id.</summary>
    public async Task<long> PostChallengeAsync(NewChallenge challenge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = new ChallengeRecord
        {
            Size = challenge.Size,
            KoRule = challenge.Rules.Ko,
            Scoring = challenge.Rules.Scoring,
            Komi = challenge.Rules.Komi,
            Handicap = challenge.Rules.Handicap,
            CreatorColor = challenge.CreatorColor,
            CreatorKey = challenge.CreatorKey,
            CreatorInstance = challenge.Creator.Instance,
            CreatorConnection = challenge.Creator.ConnectionId,
            TimeControl = challenge.TimeControl ?? TimeControl.None,
            CreatedAt = challenge.Now,
            SeenAt = challenge.Now,
        };
        db.Challenges.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row.Id;
    }

    /// <summary>The creator's page is still there: refreshes the challenge's <c>seen_at</c>. False when it is gone (taken, withdrawn or swept).</summary>
    public async Task<bool> KeepChallengeAsync(long challengeId, KeyHolder creator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(creator);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await OwnChallenge(db, challengeId, creator).ExecuteUpdateAsync(set => set.SetProperty(c => c.SeenAt, now), cancellationToken) == 1;
    }

    /// <summary>The creator withdraws the challenge. False when it was already gone, or is not theirs.</summary>
    public async Task<bool> WithdrawChallengeAsync(long challengeId, KeyHolder creator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(creator);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await OwnChallenge(db, challengeId, creator).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    /// <summary>Deletes the challenges whose creator was last seen before <paramref name="seenBefore"/>; returns how many.</summary>
    public async Task<int> SweepChallengesAsync(DateTimeOffset seenBefore, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Challenges.Where(c => c.SeenAt < seenBefore).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The challenges whose creator was seen on or after <paramref name="seenSince"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<OpenChallenge>> OpenChallengesAsync(DateTimeOffset seenSince, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Challenges.AsNoTracking()
            .Where(c => c.SeenAt >= seenSince)
            .OrderBy(c => c.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(c => new OpenChallenge(c.Id, c.Size, c.Rules, c.CreatorColor, c.TimeControl, c.CreatedAt))];
    }

    /// <summary>
    /// Takes a challenge: deletes it if it is still there, still seen within the grace and not the taker's own, and in
    /// the same transaction creates its game with the creator's key drawn at posting and the taker's key held by the
    /// taker. Of racing takers on any instances exactly one gets <see cref="ChallengeTakeOutcome.Taken"/>.
    /// </summary>
    public async Task<ChallengeTaken> TakeChallengeAsync(ChallengeTake take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(take);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var challenge = await db.Challenges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == take.ChallengeId && c.SeenAt >= take.SeenSince, cancellationToken);
        if (challenge is null)
        {
            return new ChallengeTaken(ChallengeTakeOutcome.Gone);
        }

        if (challenge.CreatorInstance == take.Taker.Instance && challenge.CreatorConnection == take.Taker.ConnectionId)
        {
            return new ChallengeTaken(ChallengeTakeOutcome.OwnChallenge);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The one conditional write: a second taker's DELETE waits for the first's row lock and then finds no row.
        var claimed = await db.Challenges
            .Where(c => c.Id == take.ChallengeId && c.SeenAt >= take.SeenSince)
            .ExecuteDeleteAsync(cancellationToken);
        if (claimed != 1)
        {
            return new ChallengeTaken(ChallengeTakeOutcome.Gone);
        }

        var takerColor = challenge.CreatorColor.Opponent();
        var (black, white) = takerColor == Color.Black ? (take.TakerKey, challenge.CreatorKey) : (challenge.CreatorKey, take.TakerKey);
        var game = new NewGame(challenge.Size, challenge.Rules, black, white, takerColor, take.Taker, null, null, take.Now, challenge.TimeControl.IsTimed ? challenge.TimeControl : null)
        {
            Listed = true,
        };
        var gameId = await CreateOneAsync(db, game, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ChallengeTaken(ChallengeTakeOutcome.Taken, gameId, game);
    }

    /// <summary>
    /// Public games in play for watching: both players have joined (each key held now or once), not over, most recent
    /// activity first, at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<LiveGameListing>> LiveListedGamesAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Games.AsNoTracking()
            .Where(g => g.Listed && g.Status != GameStatus.Complete
                && db.PlayerKeys.Count(k => k.GameId == g.Id && (k.HeldByInstance != null || k.AwaySince != null)) == 2)
            .OrderByDescending(g => g.UpdatedAt)
            .ThenByDescending(g => g.Id)
            .Take(limit)
            .Select(g => new
            {
                g.Id,
                g.WatchId,
                g.Size,
                g.UpdatedAt,
                Black = db.PlayerKeys.Where(k => k.GameId == g.Id && k.Color == Color.Black).Select(k => k.ComputerSecret == null ? null : k.ComputerLevel ?? string.Empty).FirstOrDefault(),
                White = db.PlayerKeys.Where(k => k.GameId == g.Id && k.Color == Color.White).Select(k => k.ComputerSecret == null ? null : k.ComputerLevel ?? string.Empty).FirstOrDefault(),
                Moves = db.Actions.Count(a => a.GameId == g.Id && (a.Type == ActionType.PlaceStone || a.Type == ActionType.Pass)),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new LiveGameListing(r.Id, r.WatchId, r.Size, new PerColor<string?>(r.Black, r.White), r.Moves, r.UpdatedAt))];
    }

    private static IQueryable<ChallengeRecord> OwnChallenge(IgoDbContext db, long challengeId, KeyHolder creator) =>
        db.Challenges.Where(c => c.Id == challengeId && c.CreatorInstance == creator.Instance && c.CreatorConnection == creator.ConnectionId);
}
