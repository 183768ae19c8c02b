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
            return new ActionRefusal.WrongStatus(ActionType.MarkDead, state.Status);
        }

        if (target is not { } point)
        {
            return new ActionRefusal.PointMissing(ActionType.MarkDead);
        }

        if (!point.IsOnBoard(state.Size))
        {
            return new ActionRefusal.OffBoard(point, state.Size);
        }

        if (state.Pending is not null)
        {
            return new ActionRefusal.RequestPending(RequestType.MarkDead);
        }

        if (state.Position.Board.ChainAt(point) is not { } chain)
        {
            return new ActionRefusal.NoChain(point);
        }

        state.OpenRequest(RequestType.MarkDead, player);
        state.MarkedDead = chain.Stones;
        return new ActionOutcome.Requested(RequestType.MarkDead, player, new MarkedChain(chain.Color, chain.Stones.Count));
    }

    public static ActionOutcome Accept(GameState state, Color responder)
    {
        var chain = Marked(state);
        state.Position.RemoveDeadChain(state.MarkedDead[0]);
        state.CloseRequest(GameStatus.Endgame);
        return new ActionOutcome.Answered(RequestType.MarkDead, responder, Agreed: true, chain);
    }

    /// <summary>Rejected, play resumes so that the players settle the dispute on the board.</summary>
    public static ActionOutcome Reject(GameState state, Color responder)
    {
        var chain = Marked(state);
        state.CloseRequest(GameStatus.Play);
        return new ActionOutcome.Answered(RequestType.MarkDead, responder, Agreed: false, chain);
    }

    private static MarkedChain Marked(GameState state) =>
        new(state.Position.Board[state.MarkedDead[0]].ToColor()!.Value, state.MarkedDead.Count);
}
