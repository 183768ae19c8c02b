using System.Text;

namespace Igo.Domain;

/// <summary>Why the rules refuse an action, with what a sentence about it needs. The game is unchanged.</summary>
public abstract record ActionRefusal : ActionOutcome
{
    private protected ActionRefusal(Rejection kind) => Kind = kind;

    public Rejection Kind { get; }

    protected override bool PrintMembers(StringBuilder builder) => false;

    // A rule forbids it.

    public sealed record NotYourTurn(Color Player) : ActionRefusal(Domain.Rejection.RuleViolation);

    public sealed record Occupied(Point Point) : ActionRefusal(Domain.Rejection.RuleViolation);

    public sealed record Suicide(Point Point) : ActionRefusal(Domain.Rejection.RuleViolation);

    /// <summary>The placement would repeat a position that <paramref name="Rule"/> forbids (an immediate retake is always <see cref="KoRule.Simple"/>).</summary>
    public sealed record Ko(Point Point, KoRule Rule) : ActionRefusal(Domain.Rejection.RuleViolation);

    public sealed record OffBoard(Point Point, int Size) : ActionRefusal(Domain.Rejection.RuleViolation);

    /// <summary>Another request is pending: <paramref name="Request"/> is the one that was asked for now.</summary>
    public sealed record RequestPending(RequestType Request) : ActionRefusal(Domain.Rejection.RuleViolation);

    /// <summary>No chain stands at the point a mark-dead request names.</summary>
    public sealed record NoChain(Point Point) : ActionRefusal(Domain.Rejection.RuleViolation);

    /// <summary>An undo request from a player who has no move in the current line of play.</summary>
    public sealed record NothingToTakeBack(Color Player) : ActionRefusal(Domain.Rejection.RuleViolation);

    /// <summary>
    /// <paramref name="Player"/>'s time ran out before this action: it is lost on time. The server then ends the game
    /// with a <see cref="ActionType.Timeout"/> instead.
    /// </summary>
    public sealed record FlagFell(Color Player) : ActionRefusal(Domain.Rejection.RuleViolation);

    /// <summary>
    /// The count was accepted for a marking that changed since (<paramref name="Seen"/>, now <paramref name="Current"/>):
    /// the player must see the new one first.
    /// </summary>
    public sealed record StaleMarking(int Seen, int Current) : ActionRefusal(Domain.Rejection.RuleViolation);

    // Not permitted at all.

    /// <summary>The group at <paramref name="Point"/> is already marked so (<paramref name="Dead"/>): nothing would change.</summary>
    public sealed record MarkingUnchanged(Point Point, bool Dead) : ActionRefusal(Domain.Rejection.NotPermitted);

    /// <summary>
    /// An engine's suggestion after a player has marked, asked or accepted in this scoring phase: the marking is the
    /// players' now, and a late or repeated suggestion must not undo their corrections.
    /// </summary>
    public sealed record SuggestionClosed() : ActionRefusal(Domain.Rejection.NotPermitted);

    /// <summary>
    /// The action's thinking time does not fit the clocks: missing for the player whose clock runs, given for anyone
    /// else or in an untimed game, negative, or finer than a millisecond (see <see cref="GameAction.Thinking"/>).
    /// </summary>
    public sealed record ThinkingTime(Color Player, TimeSpan? Thinking) : ActionRefusal(Domain.Rejection.NotPermitted);

    /// <summary>A timeout for <paramref name="Player"/>, whose clock does not run or has time left at the action's moment.</summary>
    public sealed record FlagStanding(Color Player) : ActionRefusal(Domain.Rejection.NotPermitted);

    /// <summary>The action is possible only in another status (placing in the endgame, marking dead during play...).</summary>
    public sealed record WrongStatus(ActionType Action, GameStatus Status) : ActionRefusal(Domain.Rejection.NotPermitted);

    /// <summary>The game is complete: nothing more can be done.</summary>
    public sealed record GameComplete() : ActionRefusal(Domain.Rejection.NotPermitted);

    /// <summary>A placement or a mark-dead request without a point.</summary>
    public sealed record PointMissing(ActionType Action) : ActionRefusal(Domain.Rejection.NotPermitted);

    public sealed record NoRequestToAnswer() : ActionRefusal(Domain.Rejection.NotPermitted);

    public sealed record OwnRequest() : ActionRefusal(Domain.Rejection.NotPermitted);

    public sealed record UnknownPlayer(Color Player) : ActionRefusal(Domain.Rejection.NotPermitted);

    public sealed record UnknownAction(ActionType Action) : ActionRefusal(Domain.Rejection.NotPermitted);
}
