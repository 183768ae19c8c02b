using System.Text;

namespace Igo.Domain;

/// <summary>
/// The rules' answer to an action (<see cref="Game.Apply"/>): what it did, or, as an <see cref="ActionRefusal"/>, why it
/// was refused. Data only: every user interface says it in its own words. A refused action changes nothing. A new kind
/// (a scoring phase, a clock) is one more record here; a UI that does not know it yet falls back on its generic words.
/// </summary>
public abstract record ActionOutcome
{
    private protected ActionOutcome()
    {
    }

    public bool Accepted => this is not ActionRefusal;

    /// <summary>Null when accepted; else whether a rule forbids it or the game's status does not permit it at all.</summary>
    public Rejection? Rejection => (this as ActionRefusal)?.Kind;

    /// <summary>Only the kind's own data in <see cref="object.ToString"/> ("Occupied { Point = (0, 0) }"), as logs and errors show it.</summary>
    protected virtual bool PrintMembers(StringBuilder builder) => false;

    /// <summary>A stone was placed (§5.2).</summary>
    public sealed record StonePlaced(Color Player, Point Point) : ActionOutcome;

    /// <summary>The player passed (§5.3); two passes in a row start the endgame.</summary>
    public sealed record Passed(Color Player) : ActionOutcome;

    /// <summary>The player resigned and lost (§5.4).</summary>
    public sealed record Resigned(Color Player) : ActionOutcome;

    /// <summary><see cref="Player"/>'s flag fell and the server ended the game: they lost on time.</summary>
    public sealed record TimedOut(Color Player) : ActionOutcome;

    /// <summary><see cref="Player"/> claimed the game their opponent abandoned and won it by forfeit.</summary>
    public sealed record WonByForfeit(Color Player) : ActionOutcome;

    /// <summary>A request is open and waits for the opponent's answer (§5.5). <see cref="Chain"/> is set for marking dead.</summary>
    public sealed record Requested(RequestType Request, Color Player, MarkedChain? Chain = null) : ActionOutcome;

    /// <summary>
    /// The opponent of the request's initiator accepted (<see cref="Agreed"/>) or rejected it (§5.5).
    /// <see cref="Chain"/> is set for marking dead.
    /// </summary>
    public sealed record Answered(RequestType Request, Color Responder, bool Agreed, MarkedChain? Chain = null) : ActionOutcome
    {
        public Color Initiator => Responder.Opponent();
    }

    /// <summary>
    /// <paramref name="Player"/> marked <paramref name="Count"/> stones of <paramref name="Stones"/>' group dead (or alive)
    /// on the scoring phase's shared board. <paramref name="Withdrawn"/> is the player whose acceptance of the count the
    /// change withdrew, if one was pending.
    /// </summary>
    public sealed record GroupMarked(Color Player, Color Stones, int Count, bool Dead, Color? Withdrawn) : ActionOutcome;

    /// <summary>The engine's suggestion marked <paramref name="Count"/> <paramref name="Stones"/> stones dead in the starting marking.</summary>
    public sealed record MarkingSuggested(Color Stones, int Count) : ActionOutcome;
}

/// <summary>The chain a mark-dead request is about: its stones' colour and how many there are.</summary>
public sealed record MarkedChain(Color Color, int Stones);

public enum Rejection
{
    /// <summary>A rule of the game forbids it (turn, occupied, suicide, ko, pending request...).</summary>
    RuleViolation,

    /// <summary>The action is not permitted in the current status at all (the original's empty internal error).</summary>
    NotPermitted,
}
