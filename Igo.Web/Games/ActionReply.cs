using Igo.Data;
using Igo.Domain;

namespace Igo.Web.Games;

public enum ActionFailure
{
    /// <summary>The rules refuse it: <see cref="ActionReply.Outcome"/> says which rule.</summary>
    RuleViolation,

    /// <summary>Not allowed in the game's current status: <see cref="ActionReply.Outcome"/> says why.</summary>
    NotPermitted,

    /// <summary>The opponent's action was committed first.</summary>
    Preempted,

    /// <summary>The store could not be reached, or the app is stopping: nothing changed, and trying again may work.</summary>
    Unavailable,

    /// <summary>The seat no longer holds its key (it was released): join again to go on.</summary>
    SeatReleased,

    /// <summary>
    /// A claim of the win while the opponent is connected, or has been away for less than the grace period
    /// (<see cref="ClockOptions.AwayGrace"/>, <see cref="ClockOptions.AwayGraceUntimed"/>).
    /// </summary>
    OpponentNotGone,

    /// <summary>The chat line breaks <see cref="Igo.Data.ChatRules"/>: <see cref="ActionReply.ChatRefusal"/> says how.</summary>
    ChatRefused,
}

/// <summary>
/// The answer to a seat's action or chat line, as data (each UI words it): success, or which failure. When the rules
/// judged the action, <see cref="Outcome"/> is their answer, accepted or refused.
/// </summary>
public sealed record ActionReply(ActionFailure? Failure, ActionOutcome? Outcome = null, ChatRefusal? ChatRefusal = null)
{
    public bool Success => Failure is null;

    /// <summary>
    /// The game as the accepted action left it, when that state is known: the seat's <see cref="IGameSeat.Snapshot"/>
    /// may already hold the opponent's next move by the time the answer is read, and a UI that must show every state in
    /// order (docs/PROTOCOL.md §2.3) follows the answer with this one.
    /// </summary>
    public GameSnapshot? Produced { get; init; }

    /// <summary>Done, with nothing more to tell (a chat line posted).</summary>
    public static ActionReply Succeeded { get; } = new((ActionFailure?)null);

    /// <summary>
    /// The rules' answer: a success when they accepted the action, else a rule violation or not permitted. An accepted
    /// action's reply carries the state it <paramref name="produced"/>.
    /// </summary>
    public static ActionReply Judged(ActionOutcome outcome, GameSnapshot? produced = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var failure = outcome.Rejection switch
        {
            null => (ActionFailure?)null,
            Rejection.NotPermitted => ActionFailure.NotPermitted,
            _ => ActionFailure.RuleViolation,
        };
        return new ActionReply(failure, outcome) { Produced = failure is null ? produced : null };
    }

    /// <summary>Refused by the coordinator before or after the rules (preempted, unavailable, released).</summary>
    public static ActionReply Refused(ActionFailure failure) => new(failure);

    public static ActionReply ChatRefused(ChatRefusal refusal) => new(ActionFailure.ChatRefused, ChatRefusal: refusal);
}
