namespace Igo.Domain;

/// <summary>A draw request (§5.5): made in play on one's turn; accepted it ends the game drawn, rejected play goes on.</summary>
internal static class DrawOffer
{
    public static ActionOutcome Request(GameState state, Color player)
    {
        if (state.Status is not (GameStatus.Play or GameStatus.RequestPending))
        {
            return ActionOutcome.NotPermitted(GameMessages.OnlyDuring("offer a draw", "during play", state.Status));
        }

        if (player != state.Position.Turn)
        {
            return ActionOutcome.Violation(GameMessages.NotYourTurn(player));
        }

        if (state.Pending is not null)
        {
            return ActionOutcome.Violation(GameMessages.DrawWhilePending);
        }

        state.OpenRequest(RequestType.Draw, player);
        return ActionOutcome.Success(GameMessages.DrawRequested(player));
    }

    public static string Accept(GameState state, Color responder, Color initiator)
    {
        state.Finish(new GameResult(ResultType.Draw, null));
        return GameMessages.Answered(responder, true, initiator, GameMessages.DrawRequest);
    }

    public static string Reject(GameState state, Color responder, Color initiator)
    {
        state.CloseRequest(GameStatus.Play);
        return GameMessages.Answered(responder, false, initiator, GameMessages.DrawRequest);
    }
}
