namespace Igo.Domain;

/// <summary>The request to count the score in the endgame (§5.5, §5.7): accepted it ends the game; rejected the endgame goes on.</summary>
internal static class ScoreTallying
{
    public static ActionOutcome Request(GameState state, Color player)
    {
        if (state.Status is not (GameStatus.Endgame or GameStatus.RequestPending))
        {
            return new ActionRefusal.WrongStatus(ActionType.RequestTally, state.Status);
        }

        if (state.Pending is not null)
        {
            return new ActionRefusal.RequestPending(RequestType.TallyScore);
        }

        state.OpenRequest(RequestType.TallyScore, player);
        return new ActionOutcome.Requested(RequestType.TallyScore, player);
    }

    public static ActionOutcome Accept(GameState state, Color responder)
    {
        var tally = ScoreTally.Count(state.Rules, state.Position.Board, state.Position.Prisoners);
        state.Tally = tally;
        state.Finish(tally.Result);
        return new ActionOutcome.Answered(RequestType.TallyScore, responder, Agreed: true);
    }

    public static ActionOutcome Reject(GameState state, Color responder)
    {
        state.CloseRequest(GameStatus.Endgame);
        return new ActionOutcome.Answered(RequestType.TallyScore, responder, Agreed: false);
    }
}
