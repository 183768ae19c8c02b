using System.Globalization;
using Igo.Data;
using Igo.Domain;
using Igo.Web.Games;
using Igo.Web.Security;

namespace Igo.Web.Components.Play;

/// <summary>
/// What the Blazor UI tells its player when the coordinator says no: short sentences for the person at the board (the
/// igo-frontend's words are the compatibility endpoint's business). A kind this UI does not know yet gets a general
/// sentence, so the coordinator and the rules can grow without changing these words.
/// </summary>
public static class OutcomeText
{
    private const string NotNow = "That is not possible right now.";

    /// <summary>Why an action or a chat line was refused.</summary>
    public static string Of(ActionReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply switch
        {
            { Outcome: ActionRefusal refusal } => OfRefusal(refusal),
            { Failure: ActionFailure.Preempted } => "Your opponent got there first. Look at the board and try again.",
            { Failure: ActionFailure.Unavailable } => "The game could not be saved just now. Try again in a moment.",
            { Failure: ActionFailure.SeatReleased } => "This page no longer holds your seat. Reload it to play on.",
            { Failure: ActionFailure.OpponentNotGone } => "Your opponent is back, or has not been away long enough: the game goes on.",
            { ChatRefusal: { } chat } => Of(chat),
            _ => NotNow,
        };
    }

    /// <summary>Why joining the game of <paramref name="key"/> failed.</summary>
    public static string OfJoin(SeatOutcome outcome, string key)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Failure switch
        {
            SeatFailure.NotFound => $"No game has the key {key}. Check it and try again.",
            SeatFailure.InUse => "This game is open in another app, such as the igo-frontend client.",
            SeatFailure.AlreadyHolding => "This game is already open on this page.",
            SeatFailure.ComputerOnly or SeatFailure.WrongSecret => "This key belongs to a computer player.",
            _ => OfAny(outcome),
        };
    }

    /// <summary>Why a new game could not be created.</summary>
    public static string OfCreate(SeatOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Settings switch
        {
            SettingsRefusal.BoardSize => string.Create(CultureInfo.InvariantCulture, $"A board has {Board.MinSize} to {Board.MaxSize} lines."),
            SettingsRefusal.Komi => "Komi must be a number.",
            SettingsRefusal.Handicap => "Handicap stones (2 to 9) go on 9×9, 13×13 or 19×19 boards only.",
            _ when outcome.TimeControl is not null => "The time control can't be used. Check its values.",
            _ => OfAny(outcome),
        };
    }

    private static string OfAny(SeatOutcome outcome) => outcome switch
    {
        { Failure: SeatFailure.Throttled, RetryAfter: { } wait } => JoinAttempt.RefusalText(wait),
        { Failure: SeatFailure.Unavailable } => "The game server can't be reached just now. Try again in a moment.",
        { Failure: SeatFailure.Invalid } => "The game could not be set up with these settings.",
        _ => NotNow,
    };

    /// <summary>Why the rules refuse an action: also what the board says when a point can't be played.</summary>
    public static string OfRefusal(ActionRefusal refusal) => refusal switch
    {
        ActionRefusal.NotYourTurn => "It's not your turn.",
        ActionRefusal.Occupied => "Occupied: there is already a stone there.",
        ActionRefusal.Suicide => "Suicide: that stone would have no liberties.",
        ActionRefusal.Ko { Rule: KoRule.Simple } => "Ko: you can't retake at once. Play elsewhere first.",
        ActionRefusal.Ko => "Superko: that move would repeat an earlier position.",
        ActionRefusal.OffBoard => "That point is off the board.",
        ActionRefusal.RequestPending => "A request is waiting for an answer first.",
        ActionRefusal.NoChain => "There are no stones there to mark.",
        ActionRefusal.NothingToTakeBack => "You have no move to take back.",
        ActionRefusal.GameComplete or ActionRefusal.WrongStatus { Status: GameStatus.Complete } => "The game is over.",
        ActionRefusal.WrongStatus { Status: GameStatus.RequestPending } => "A request is waiting for an answer first.",
        ActionRefusal.WrongStatus { Action: ActionType.MarkDead or ActionType.RequestTally } => "That comes after both players pass.",
        ActionRefusal.WrongStatus => "Play is over: both players passed.",
        ActionRefusal.PointMissing => "Choose a point first.",
        ActionRefusal.NoRequestToAnswer => "There is no request to answer.",
        ActionRefusal.OwnRequest => "You can't answer your own request.",
        ActionRefusal.FlagFell { Player: var player } => $"{player.ToTitle()}'s time ran out: the game is lost on time.",
        _ => NotNow,
    };

    private static string Of(ChatRefusal refusal) => refusal switch
    {
        ChatRefusal.Empty => "Write something first.",
        ChatRefusal.TooLong => string.Create(CultureInfo.InvariantCulture, $"A message can have at most {ChatRules.MaxLength:N0} characters."),
        _ => "The message holds a character that can't be sent.",
    };
}
