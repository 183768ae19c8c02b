using Igo.Domain;

namespace Igo.Data.Stores;

/// <summary>
/// A player's "yes" to a rematch of the game <see cref="Key"/> belongs to, with the keys (and, against the computer,
/// the secret) a new game would get, how long a declined player waits before offering again, and until when the
/// player has made as many offers as they may (<see cref="OffersLimitedUntil"/>, null when they may offer).
/// </summary>
public sealed record RematchYes(string Key, string BlackKey, string WhiteKey, string ComputerSecret, DateTimeOffset Now, TimeSpan DeclineCooldown)
{
    public DateTimeOffset? OffersLimitedUntil { get; init; }

    public string KeyFor(Color color) => color == Color.Black ? BlackKey : WhiteKey;
}

public enum RematchOutcome
{
    /// <summary>The rematch exists (created now or before); the answer carries the asking player's new key.</summary>
    Started,

    Offered,

    Withdrawn,

    Declined,

    /// <summary>A "no" with no offer standing: nothing changed.</summary>
    NothingToAnswer,

    /// <summary>The player's offer was declined less than the cooldown ago; <see cref="RematchAnswer.MayOfferAt"/> says when they may.</summary>
    DeclinedRecently,

    /// <summary>The player has offered as often as they may for now; <see cref="RematchAnswer.MayOfferAt"/> says when they may again.</summary>
    TooManyOffers,

    /// <summary>The game is not over (or the key is a computer's): nothing changed.</summary>
    NotOver,

    NoSuchKey,
}

/// <summary>
/// What a rematch answer did, for the game <see cref="GameId"/> at <see cref="Version"/>. <see cref="NewKey"/> is set
/// when the rematch exists: the asking player's own key in it, never the opponent's.
/// </summary>
public sealed record RematchAnswer(RematchOutcome Outcome, long GameId, int Version)
{
    public string? NewKey { get; init; }

    public DateTimeOffset? MayOfferAt { get; init; }

    /// <summary>True when others must hear of it (the offer changed or the rematch was made).</summary>
    public bool Changed => Outcome is RematchOutcome.Started or RematchOutcome.Offered or RematchOutcome.Withdrawn or RematchOutcome.Declined;
}

/// <summary>
/// Where a game's rematch stands for one of its players (<see cref="Color"/>): who offers one, whose offer was last
/// declined and when, and the player's own key in the rematch once it exists.
/// </summary>
public sealed record RematchStatus(
    long GameId,
    int Version,
    Color Color,
    bool OpponentIsComputer,
    bool GameOver,
    Color? OfferedBy,
    Color? Declined,
    DateTimeOffset? DeclinedAt,
    string? NewKey);
