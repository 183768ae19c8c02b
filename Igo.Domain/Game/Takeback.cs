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
            return new ActionRefusal.WrongStatus(ActionType.RequestUndo, state.Status);
        }

        if (state.Pending is not null)
        {
            return new ActionRefusal.RequestPending(RequestType.Undo);
        }

        if (!state.Position.HasMoveBy(player))
        {
            return new ActionRefusal.NothingToTakeBack(player);
        }

        state.OpenRequest(RequestType.Undo, player);
        return new ActionOutcome.Requested(RequestType.Undo, player);
    }

    public static ActionOutcome Accept(GameState state, Color responder)
    {
        state.Position.TakeBackLastMoveOf(responder.Opponent());
        state.CloseRequest(GameStatus.Play);
        return new ActionOutcome.Answered(RequestType.Undo, responder, Agreed: true);
    }

    public static ActionOutcome Reject(GameState state, Color responder)
    {
        state.CloseRequest(GameStatus.Play);
        return new ActionOutcome.Answered(RequestType.Undo, responder, Agreed: false);
    }
}
