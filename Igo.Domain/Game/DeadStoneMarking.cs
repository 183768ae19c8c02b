namespace Igo.Domain;

/// <summary>
/// Marking a chain dead in the endgame (§5.5): either player, either colour, the whole chain. Accepted, the stones are
/// removed as prisoners of the other colour and the endgame goes on; rejected, play resumes to settle the dispute.
/// </summary>
internal static class DeadStoneMarking
{
    public static ActionOutcome Request(GameState state, Color player, Point? target)
    {
        if (state.Status is not (GameStatus.Endgame or GameStatus.RequestPending))
        {
            return ActionOutcome.NotPermitted(GameMessages.OnlyDuring("mark stones as dead", "in the endgame", state.Status));
        }

        if (target is not { } point)
        {
            return ActionOutcome.NotPermitted(GameMessages.MarkDeadNeedsPoint);
        }

        if (!point.IsOnBoard(state.Size))
        {
            return ActionOutcome.Violation(GameMessages.OffBoard(point, state.Size));
        }

        if (state.Pending is not null)
        {
            return ActionOutcome.Violation(GameMessages.MarkWhilePending);
        }

        if (state.Position.Board.ChainAt(point) is not { } chain)
        {
            return ActionOutcome.Violation(GameMessages.NoGroup(point));
        }

        state.OpenRequest(RequestType.MarkDead, player);
        state.MarkedDead = chain.Stones;
        return ActionOutcome.Success(GameMessages.MarkedDead(chain.Stones.Count));
    }

    public static string Accept(GameState state, Color responder, Color initiator)
    {
        var stones = state.MarkedDead;
        var color = state.Position.Board[stones[0]].ToColor()!.Value;
        state.Position.RemoveDeadChain(stones[0]);
        state.CloseRequest(GameStatus.Endgame);
        return GameMessages.Answered(responder, true, initiator, GameMessages.MarkDeadRequest(stones.Count, color));
    }

    public static string Reject(GameState state, Color responder, Color initiator)
    {
        var stones = state.MarkedDead;
        var color = state.Position.Board[stones[0]].ToColor()!.Value;
        state.CloseRequest(GameStatus.Play);
        return GameMessages.Answered(responder, false, initiator, GameMessages.MarkDeadRequest(stones.Count, color)) + GameMessages.ReturningToPlay;
    }
}
