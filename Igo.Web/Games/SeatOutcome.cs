using Igo.Domain;

namespace Igo.Web.Games;

public enum SeatFailure
{
    NotFound,
    InUse,
    AlreadyHolding,
    ComputerOnly,
    WrongSecret,

    /// <summary>The request itself is wrong: <see cref="SeatOutcome.Invalid"/> says what.</summary>
    Invalid,

    /// <summary>The store could not be reached, or the app is stopping: nothing changed, and trying again later may work.</summary>
    Unavailable,

    /// <summary>Refused before the coordinator was asked: the client's address made too many failed joins (see <see cref="SeatOutcome.RetryAfter"/>).</summary>
    Throttled,
}

/// <summary>What is wrong with a create or join request refused as <see cref="SeatFailure.Invalid"/>.</summary>
public enum InvalidRequest
{
    /// <summary>The holder's connection id is empty or too long.</summary>
    ConnectionId,

    /// <summary>The creator's colour is neither black nor white.</summary>
    CreatorColor,

    /// <summary>The rules refuse the game's settings: <see cref="SeatOutcome.Settings"/> says which.</summary>
    Settings,

    /// <summary>The time control is not one a game may be played under: <see cref="SeatOutcome.TimeControl"/> says why.</summary>
    TimeControl,
}

/// <summary>
/// The answer to creating or joining: a held seat, or why not, as data (each UI words it). A success needs nothing
/// more: the seat holds the keys and colours a sentence about it names.
/// </summary>
public sealed record SeatOutcome(IGameSeat? Seat, SeatFailure? Failure)
{
    public bool Success => Seat is not null;

    /// <summary>With <see cref="SeatFailure.Invalid"/>: what is wrong with the request.</summary>
    public InvalidRequest? Invalid { get; init; }

    /// <summary>With <see cref="InvalidRequest.Settings"/>: the rules' refusal.</summary>
    public SettingsRefusal? Settings { get; init; }

    /// <summary>With <see cref="InvalidRequest.TimeControl"/>: the first value out of range.</summary>
    public TimeControlRefusal? TimeControl { get; init; }

    /// <summary>With <see cref="SeatFailure.Throttled"/>: how long until the address may try again.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static SeatOutcome Held(IGameSeat seat) => new(seat, null);

    public static SeatOutcome Refused(SeatFailure failure) => new(null, failure);

    public static SeatOutcome InvalidBecause(InvalidRequest invalid, SettingsRefusal? settings = null) =>
        new(null, SeatFailure.Invalid) { Invalid = invalid, Settings = settings };

    public static SeatOutcome Throttled(TimeSpan retryAfter) => new(null, SeatFailure.Throttled) { RetryAfter = retryAfter };
}
