using System.Globalization;
using Igo.Domain;

namespace Igo.Web.Compat;

/// <summary>
/// The rules' answers (<see cref="ActionOutcome"/>) in the original server's words, which igo-frontend shows: those of
/// docs/PROTOCOL.md §5 verbatim; the others (undo, superko, the board's edge, actions not permitted) are this port's and
/// have been sent as they are since it started. Null for a kind this endpoint does not know yet (the caller falls back).
/// </summary>
internal static class RuleTexts
{
    public static string? For(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.StonePlaced placed => $"Successfully placed a {placed.Player.ToWord()} stone at {placed.Point}",
        ActionOutcome.Passed passed => $"{passed.Player.ToTitle()} passed on their turn",
        ActionOutcome.Resigned resigned => $"{resigned.Player.ToTitle()} resigned",
        ActionOutcome.TimedOut timedOut => LostOnTime(timedOut.Player),
        ActionOutcome.WonByForfeit forfeit => $"{forfeit.Player.ToTitle()} claimed the game: {forfeit.Player.Opponent().ToWord()} had left it. {forfeit.Player.ToTitle()} won by forfeit",
        ActionOutcome.Requested requested => Requested(requested),
        ActionOutcome.Answered answered => Answered(answered),
        ActionOutcome.GroupMarked marked => Invariant($"{marked.Player.ToTitle()} marked {marked.Count} {marked.Stones.ToWord()} stones as {(marked.Dead ? "dead" : "alive")}"),
        ActionOutcome.MarkingSuggested suggested => Invariant($"The engine marked {suggested.Count} {suggested.Stones.ToWord()} stones as dead"),
        ActionRefusal refusal => Refused(refusal),
        _ => null,
    };

    private static string? Requested(ActionOutcome.Requested requested) => requested.Request switch
    {
        RequestType.Draw => $"{requested.Player.ToTitle()} requested a draw. Awaiting response...",
        RequestType.MarkDead => Invariant($"{requested.Chain?.Stones ?? 0} stones marked as dead. Awaiting response..."),
        RequestType.TallyScore => $"{requested.Player.ToTitle()} requested that the score be tallied. Awaiting response...",
        RequestType.Undo => $"{requested.Player.ToTitle()} requested to take back their last move. Awaiting response...",
        _ => null,
    };

    // "<Responder> accepted|rejected <initiator>'s <request>"; a rejected marking sends the players back to play.
    private static string? Answered(ActionOutcome.Answered answered)
    {
        var request = answered.Request switch
        {
            RequestType.Draw => "draw request",
            RequestType.MarkDead when answered.Chain is { } chain => Invariant($"request to mark {chain.Stones} {chain.Color.ToWord()} stones as dead"),
            RequestType.TallyScore => "request to tally the score",
            RequestType.Undo => "request to take back their last move",
            _ => null,
        };
        if (request is null)
        {
            return null;
        }

        var verb = answered.Agreed ? "accepted" : "rejected";
        var sequel = answered is { Request: RequestType.MarkDead, Agreed: false } ? ". Returning to play to resolve" : string.Empty;
        return $"{answered.Responder.ToTitle()} {verb} {answered.Initiator.ToWord()}'s {request}{sequel}";
    }

    private static string? Refused(ActionRefusal refusal) => refusal switch
    {
        ActionRefusal.NotYourTurn turn => $"It isn't {turn.Player.ToWord()}'s turn",
        ActionRefusal.Occupied occupied => $"Point {occupied.Point} is occupied",
        ActionRefusal.Suicide suicide => $"Playing at {suicide.Point} is suicide",
        ActionRefusal.Ko { Rule: KoRule.Simple } ko => $"Playing at {ko.Point} violates the simple ko rule",
        ActionRefusal.Ko { Rule: KoRule.PositionalSuperko } ko => $"Playing at {ko.Point} violates the positional superko rule: it would repeat an earlier position",
        ActionRefusal.Ko { Rule: KoRule.SituationalSuperko } ko => $"Playing at {ko.Point} violates the situational superko rule: it would repeat an earlier position with the same player to move",
        ActionRefusal.OffBoard off => Invariant($"Point {off.Point} is not on the {off.Size}x{off.Size} board"),
        ActionRefusal.RequestPending { Request: RequestType.Draw } => "Cannot request draw while a previous request is pending",
        ActionRefusal.RequestPending { Request: RequestType.MarkDead } => "Cannot mark stones as dead while a previous request is pending",
        ActionRefusal.RequestPending { Request: RequestType.TallyScore } => "Cannot request score tally while a previous request is pending",
        ActionRefusal.RequestPending { Request: RequestType.Undo } => "Cannot request an undo while a previous request is pending",
        ActionRefusal.FlagFell late => LostOnTime(late.Player),
        ActionRefusal.FlagStanding standing => $"{standing.Player.ToTitle()} still has time on the clock",
        ActionRefusal.ThinkingTime => "The game's clock could not time that action, so it was not played. Please try again",
        ActionRefusal.NoChain none => $"There is no group at {none.Point} to mark dead",
        ActionRefusal.SuggestionClosed => "The players have taken the marking over: the engine's suggestion no longer applies",
        ActionRefusal.MarkingUnchanged unchanged => $"The group at {unchanged.Point} is already marked as {(unchanged.Dead ? "dead" : "alive")}",
        ActionRefusal.StaleMarking => "The dead stones changed since you looked: check the board and accept again",
        ActionRefusal.NothingToTakeBack nothing => $"{nothing.Player.ToTitle()} has no move to take back",
        ActionRefusal.WrongStatus wrong => WrongStatus(wrong),
        ActionRefusal.GameComplete => "The game is complete: no more actions are possible",
        ActionRefusal.PointMissing { Action: ActionType.PlaceStone } => "A stone placement needs a point",
        ActionRefusal.PointMissing { Action: ActionType.MarkDead } => "Marking dead stones needs a point on the chain",
        ActionRefusal.NoRequestToAnswer => "There is no request to answer",
        ActionRefusal.OwnRequest => "You cannot answer your own request",
        ActionRefusal.UnknownPlayer => "The action names no known player",
        ActionRefusal.UnknownAction => "Unknown action",
        _ => null,
    };

    // A timed game created in the Blazor UI (docs/COMPATIBILITY.md, "Timed games"): the result the frontend shows is
    // "<Winner> won", so the words say how.
    private static string LostOnTime(Color player) =>
        $"{player.ToTitle()}'s time ran out: {player.Opponent().ToWord()} won on time";

    // "You can <do this> only <then>; the game is <now>".
    private static string? WrongStatus(ActionRefusal.WrongStatus wrong)
    {
        var (what, when) = wrong.Action switch
        {
            ActionType.PlaceStone => ("place a stone", "during play"),
            ActionType.Pass => ("pass", "during play"),
            ActionType.Resign => ("resign", "during play"),
            ActionType.RequestDraw => ("offer a draw", "during play"),
            ActionType.RequestUndo => ("ask to take back a move", "during play"),
            ActionType.MarkDead => ("mark stones as dead", "in the endgame"),
            ActionType.RequestTally => ("ask to tally the score", "in the endgame"),
            ActionType.MarkGroupDead or ActionType.MarkGroupAlive or ActionType.SuggestDead => ("mark a group dead or alive", "in the endgame"),
            _ => (null, null),
        };
        var now = wrong.Status switch
        {
            GameStatus.Play => "in play",
            GameStatus.Endgame => "in the endgame (both players passed)",
            GameStatus.RequestPending => "waiting for an answer to a request",
            _ => "complete",
        };
        return what is null ? null : $"You can {what} only {when}; the game is {now}";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
