namespace Igo.Domain;

/// <summary>The moves of play: placing a stone (§5.2), passing (§5.3) and resigning (§5.4).</summary>
internal static class StonePlay
{
    public static ActionOutcome Place(GameState state, Color player, Point? target)
    {
        if (state.Status != GameStatus.Play)
        {
            return new ActionRefusal.WrongStatus(ActionType.PlaceStone, state.Status);
        }

        if (target is not { } point)
        {
            return new ActionRefusal.PointMissing(ActionType.PlaceStone);
        }

        if (player != state.Position.Turn)
        {
            return new ActionRefusal.NotYourTurn(player);
        }

        if (!point.IsOnBoard(state.Size))
        {
            return new ActionRefusal.OffBoard(point, state.Size);
        }

        if (state.Position.PlacementRefusal(point, player) is { } refusal)
        {
            return refusal;
        }

        state.Position.Place(point, player);
        return new ActionOutcome.StonePlaced(player, point);
    }

    public static ActionOutcome Pass(GameState state, Color player)
    {
        if (state.Status != GameStatus.Play)
        {
            return new ActionRefusal.WrongStatus(ActionType.Pass, state.Status);
        }

        if (player != state.Position.Turn)
        {
            return new ActionRefusal.NotYourTurn(player);
        }

        state.Position.Pass(player);
        if (state.LastAction?.Type == ActionType.Pass)
        {
            state.Status = GameStatus.Endgame;
            state.Marking = DeadMarking.None;
            state.SuggestionOpen = true;
        }

        return new ActionOutcome.Passed(player);
    }

    public static ActionOutcome Resign(GameState state, Color player)
    {
        if (state.Status != GameStatus.Play)
        {
            return new ActionRefusal.WrongStatus(ActionType.Resign, state.Status);
        }

        state.Finish(new GameResult(ResultType.Resignation, player.Opponent()));
        return new ActionOutcome.Resigned(player);
    }
}
