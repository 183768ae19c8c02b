namespace Igo.Domain;

/// <summary>
/// The request to count the score in the endgame (§5.5, §5.7): accepted it ends the game; rejected the endgame goes on.
/// On the scoring phase's shared board, the request is its initiator's acceptance of the marking as it stands, and the
/// answer the other player's: the count takes the marked stones off as prisoners.
/// </summary>
internal static class ScoreTallying
{
    public static ActionOutcome Request(GameState state, Color player, int? markingVersion)
    {
        if (state.Status is not (GameStatus.Endgame or GameStatus.RequestPending))
        {
            return new ActionRefusal.WrongStatus(ActionType.RequestTally, state.Status);
        }

        if (state.Pending is not null)
        {
            return new ActionRefusal.RequestPending(RequestType.TallyScore);
        }

        if (Stale(state, markingVersion) is { } stale)
        {
            return stale;
        }

        state.OpenRequest(RequestType.TallyScore, player);
        return new ActionOutcome.Requested(RequestType.TallyScore, player);
    }

    public static ActionOutcome Accept(GameState state, Color responder)
    {
        var tally = Preview(state);
        state.Tally = tally;
        state.Finish(tally.Result);
        return new ActionOutcome.Answered(RequestType.TallyScore, responder, Agreed: true);
    }

    public static ActionOutcome Reject(GameState state, Color responder)
    {
        state.CloseRequest(GameStatus.Endgame);
        return new ActionOutcome.Answered(RequestType.TallyScore, responder, Agreed: false);
    }

    /// <summary>The count if the players accepted the marking as it stands.</summary>
    public static ScoreTally Preview(GameState state) =>
        ScoreTally.Count(state.Rules, state.Position.Board, state.Position.Prisoners, state.Marking?.Dead ?? []);

    /// <summary>Refuses an acceptance of a marking version that is no longer the current one.</summary>
    public static ActionRefusal? Stale(GameState state, int? markingVersion) =>
        markingVersion is { } seen && seen != (state.Marking?.Version ?? 0)
            ? new ActionRefusal.StaleMarking(seen, state.Marking?.Version ?? 0)
            : null;
}
