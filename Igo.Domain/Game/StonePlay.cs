namespace Igo.Domain;

/// <summary>The moves of play: placing a stone (§5.2), passing (§5.3) and resigning (§5.4).</summary>
internal static class StonePlay
{
    public static ActionOutcome Place(GameState state, Color player, Point? target)
    {
        if (state.Status != GameStatus.Play)
        {
            return ActionOutcome.NotPermitted(GameMessages.OnlyDuring("place a stone", "during play", state.Status));
        }

        if (target is not { } point)
        {
            return ActionOutcome.NotPermitted(GameMessages.PlacementNeedsPoint);
        }

        if (player != state.Position.Turn)
        {
            return ActionOutcome.Violation(GameMessages.NotYourTurn(player));
        }

        if (!point.IsOnBoard(state.Size))
        {
            return ActionOutcome.Violation(GameMessages.OffBoard(point, state.Size));
        }

        if (state.Position.PlacementRefusal(point, player) is { } refusal)
        {
            return ActionOutcome.Violation(refusal);
        }

        state.Position.Place(point, player);
        return ActionOutcome.Success(GameMessages.Placed(player, point));
    }

    public static ActionOutcome Pass(GameState state, Color player)
    {
        if (state.Status != GameStatus.Play)
        {
            return ActionOutcome.NotPermitted(GameMessages.OnlyDuring("pass", "during play", state.Status));
        }

        if (player != state.Position.Turn)
        {
            return ActionOutcome.Violation(GameMessages.NotYourTurn(player));
        }

        state.Position.Pass(player);
        if (state.LastAction?.Type == ActionType.Pass)
        {
            state.Status = GameStatus.Endgame;
        }

        return ActionOutcome.Success(GameMessages.Passed(player));
    }

    public static ActionOutcome Resign(GameState state, Color player)
    {
        if (state.Status != GameStatus.Play)
        {
            return ActionOutcome.NotPermitted(GameMessages.OnlyDuring("resign", "during play", state.Status));
        }

        state.Finish(new GameResult(ResultType.Resignation, player.Opponent()));
        return ActionOutcome.Success(GameMessages.Resigned(player));
    }
}
