namespace Igo.Domain;

/// <summary>A draw request (§5.5): made in play on one's turn; accepted it ends the game drawn, rejected play goes on.</summary>
internal static class DrawOffer
{
    public static ActionOutcome Request(GameState state, Color player)
    {
        if (state.Status is not (GameStatus.Play or GameStatus.RequestPending))
        {
            return new ActionRefusal.WrongStatus(ActionType.RequestDraw, state.Status);
        }

        if (player != state.Position.Turn)
        {
            return new ActionRefusal.NotYourTurn(player);
        }

        if (state.Pending is not null)
        {
            return new ActionRefusal.RequestPending(RequestType.Draw);
        }

        state.OpenRequest(RequestType.Draw, player);
        return new ActionOutcome.Requested(RequestType.Draw, player);
    }

    public static ActionOutcome Accept(GameState state, Color responder)
    {
        state.Finish(new GameResult(ResultType.Draw, null));
        return new ActionOutcome.Answered(RequestType.Draw, responder, Agreed: true);
    }

    public static ActionOutcome Reject(GameState state, Color responder)
    {
        state.CloseRequest(GameStatus.Play);
        return new ActionOutcome.Answered(RequestType.Draw, responder, Agreed: false);
    }
}
