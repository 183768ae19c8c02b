namespace Igo.Domain;

/// <summary>
/// An undo request: in play, at any turn, a player asks to take back their last move. Accepted, the position returns
/// to just before that move (the opponent's reply, if any, is taken back too) and it is the requester's turn again.
/// </summary>
internal static class Takeback
{
    public static ActionOutcome Request(GameState state, Color player)
    {
        if (state.Status is not (GameStatus.Play or GameStatus.RequestPending))
        {
            return ActionOutcome.NotPermitted(GameMessages.OnlyDuring("ask to take back a move", "during play", state.Status));
        }

        if (state.Pending is not null)
        {
            return ActionOutcome.Violation(GameMessages.UndoWhilePending);
        }

        if (!state.Position.HasMoveBy(player))
        {
            return ActionOutcome.Violation(GameMessages.NothingToUndo(player));
        }

        state.OpenRequest(RequestType.Undo, player);
        return ActionOutcome.Success(GameMessages.UndoRequested(player));
    }

    public static string Accept(GameState state, Color responder, Color initiator)
    {
        state.Position.TakeBackLastMoveOf(initiator);
        state.CloseRequest(GameStatus.Play);
        return GameMessages.Answered(responder, true, initiator, GameMessages.UndoRequest);
    }

    public static string Reject(GameState state, Color responder, Color initiator)
    {
        state.CloseRequest(GameStatus.Play);
        return GameMessages.Answered(responder, false, initiator, GameMessages.UndoRequest);
    }
}
