namespace Igo.Domain;

/// <summary>The request to count the score in the endgame (§5.5, §5.7): accepted it ends the game; rejected the endgame goes on.</summary>
internal static class ScoreTallying
{
    public static ActionOutcome Request(GameState state, Color player)
    {
        if (state.Status is not (GameStatus.Endgame or GameStatus.RequestPending))
        {
            return ActionOutcome.NotPermitted(GameMessages.OnlyDuring("ask to tally the score", "in the endgame", state.Status));
        }

        if (state.Pending is not null)
        {
            return ActionOutcome.Violation(GameMessages.TallyWhilePending);
        }

        state.OpenRequest(RequestType.TallyScore, player);
        return ActionOutcome.Success(GameMessages.TallyRequested(player));
    }

    public static string Accept(GameState state, Color responder, Color initiator)
    {
        var tally = ScoreTally.Count(state.Rules, state.Position.Board, state.Position.Prisoners);
        state.Tally = tally;
        state.Finish(tally.Result);
        return GameMessages.Answered(responder, true, initiator, GameMessages.TallyRequest);
    }

    public static string Reject(GameState state, Color responder, Color initiator)
    {
        state.CloseRequest(GameStatus.Endgame);
        return GameMessages.Answered(responder, false, initiator, GameMessages.TallyRequest);
    }
}
