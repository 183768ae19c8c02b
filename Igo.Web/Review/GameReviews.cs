using Igo.Data.Stores;
using Igo.Domain;

namespace Igo.Web.Review;

/// <summary>What the review page found for a player key: the game's record, or why there is none to review.</summary>
public abstract record ReviewLoad
{
    private ReviewLoad()
    {
    }

    public sealed record Found(long GameId, ReviewRecord Record) : ReviewLoad;

    /// <summary>No game has this key.</summary>
    public sealed record NoSuchGame : ReviewLoad;

    /// <summary>The game is still being played: it is reviewed once it ends.</summary>
    public sealed record StillInPlay : ReviewLoad;
}

/// <summary>A game's engine review as the page shows it: being made, made (the leads), or not to be had.</summary>
public sealed record ScoreLeads(bool Ready, string? Engine, IReadOnlyList<double>? Leads);

/// <summary>The review page's reads: a finished game's record by one of its player keys, and its engine review.</summary>
public interface IGameReviews
{
    Task<ReviewLoad> LoadAsync(string key, CancellationToken cancellationToken = default);

    Task<ScoreLeads> LeadsAsync(long gameId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Reads games for review from the store, replayed by the rules engine from their action log. A player key opens only
/// its own game, and only once it is over (a live game is the game page's).
/// </summary>
public sealed class GameReviews(GameStore games, AnalysisStore analyses) : IGameReviews
{
    public async Task<ReviewLoad> LoadAsync(string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(key) || await games.FindKeyAsync(key.Trim(), cancellationToken) is not { } found)
        {
            return new ReviewLoad.NoSuchGame();
        }

        var stored = await games.LoadGameAsync(found.GameId, cancellationToken);
        if (stored is null)
        {
            return new ReviewLoad.NoSuchGame();
        }

        if (stored.Game.Status != GameStatus.Complete)
        {
            return new ReviewLoad.StillInPlay();
        }

        return Replay(stored) is { } record ? new ReviewLoad.Found(found.GameId, record) : new ReviewLoad.NoSuchGame();
    }

    public async Task<ScoreLeads> LeadsAsync(long gameId, CancellationToken cancellationToken = default) =>
        await analyses.LoadAsync(gameId, cancellationToken) is { } stored
            ? new ScoreLeads(stored.Done, stored.Engine, stored.Leads)
            : new ScoreLeads(false, null, null);

    /// <summary>The record of a stored game; null when there is no such game or its log does not replay.</summary>
    internal static async Task<ReviewRecord?> LoadRecordAsync(GameStore games, long gameId, CancellationToken cancellationToken) =>
        await games.LoadGameAsync(gameId, cancellationToken) is { } stored ? Replay(stored) : null;

    private static ReviewRecord? Replay(StoredGame stored)
    {
        try
        {
            return ReviewRecord.Of(Game.Replay(stored.Game.Size, stored.Game.Rules, stored.Game.TimeControl, stored.Actions));
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
