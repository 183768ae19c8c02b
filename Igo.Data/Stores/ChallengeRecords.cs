using Igo.Domain;

namespace Igo.Data.Stores;

/// <summary>
/// A challenge to post in the lobby: the game's settings, the creator's colour, the creator's key in the game to come,
/// and the page that posts it (which keeps it alive and may withdraw it).
/// </summary>
public sealed record NewChallenge(int Size, Ruleset Rules, Color CreatorColor, TimeControl? TimeControl, string CreatorKey, KeyHolder Creator, DateTimeOffset Now);

/// <summary>An open challenge as every visitor may see it: no key, no creator's connection.</summary>
public sealed record OpenChallenge(long Id, int Size, Ruleset Rules, Color CreatorColor, TimeControl TimeControl, DateTimeOffset CreatedAt);

/// <summary>
/// A visitor takes challenge <see cref="ChallengeId"/>, as seen within the grace (on or after <see cref="SeenSince"/>),
/// with <see cref="TakerKey"/> as their key and <see cref="Taker"/> holding it.
/// </summary>
public sealed record ChallengeTake(long ChallengeId, string TakerKey, KeyHolder Taker, DateTimeOffset Now, DateTimeOffset SeenSince);

public enum ChallengeTakeOutcome
{
    /// <summary>The challenge was this taker's: the game exists and <see cref="ChallengeTaken.Game"/> is it.</summary>
    Taken,

    /// <summary>Someone else took it first, or it was withdrawn or swept: nothing changed.</summary>
    Gone,

    /// <summary>The taker is the creator's own page: nothing changed.</summary>
    OwnChallenge,
}

/// <summary>What taking a challenge did; with <see cref="ChallengeTakeOutcome.Taken"/>, the game stored and its id.</summary>
public sealed record ChallengeTaken(ChallengeTakeOutcome Outcome, long GameId = 0, NewGame? Game = null);

/// <summary>
/// A public game in play, as the lobby lists it for watching: its size, each colour's computer player (its
/// <c>IComputerOpponents</c> id, empty for the default; null for a person), the moves played so far and its watch id. Never a player key.
/// </summary>
public sealed record LiveGameListing(long GameId, string WatchId, int Size, PerColor<string?> Computers, int Moves, DateTimeOffset UpdatedAt);
