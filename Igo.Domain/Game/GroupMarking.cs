namespace Igo.Domain;

/// <summary>
/// Marking a group dead or alive on the scoring phase's shared board: either player, any group, no answer needed. A
/// change withdraws a pending acceptance of the count (it accepted the marking before), so the game ends only on a
/// marking both players accepted as it stands. Marking the same way twice is refused: it would change nothing. The
/// engine's suggestion marks groups dead the same way, before any player has acted in the phase.
/// </summary>
internal static class GroupMarking
{
    public static ActionOutcome Mark(GameState state, Color player, Point? target, bool dead)
    {
        var type = dead ? ActionType.MarkGroupDead : ActionType.MarkGroupAlive;
        if (Check(state, type, target) is { } refusal)
        {
            return refusal;
        }

        var point = target!.Value;
        var board = state.Position.Board;
        var changing = Changing(state, point, dead);
        if (changing.Count == 0)
        {
            return new ActionRefusal.MarkingUnchanged(point, dead);
        }

        var withdrawn = state.Pending?.Initiator;
        if (withdrawn is not null)
        {
            state.CloseRequest(GameStatus.Endgame);
        }

        state.Marking = state.Marking!.With(changing, dead);
        return new ActionOutcome.GroupMarked(player, board[point].ToColor()!.Value, changing.Count, dead, withdrawn);
    }

    /// <summary>
    /// The engine's suggestion: the <paramref name="stones"/>' group at <paramref name="target"/> dead, accepted only
    /// while no player has acted in the phase and nothing is pending, so it never withdraws an acceptance; a group
    /// already dead is refused as unchanged, which makes a repeated suggestion change nothing.
    /// </summary>
    public static ActionOutcome Suggest(GameState state, Color stones, Point? target)
    {
        if (Check(state, ActionType.SuggestDead, target) is { } refusal)
        {
            return refusal;
        }

        if (!state.SuggestionOpen || state.Pending is not null)
        {
            return new ActionRefusal.SuggestionClosed();
        }

        var point = target!.Value;
        if (state.Position.Board[point].ToColor() != stones)
        {
            return new ActionRefusal.NoChain(point);
        }

        var changing = Changing(state, point, dead: true);
        if (changing.Count == 0)
        {
            return new ActionRefusal.MarkingUnchanged(point, Dead: true);
        }

        state.Marking = state.Marking!.With(changing, dead: true);
        return new ActionOutcome.MarkingSuggested(stones, changing.Count);
    }

    private static ActionRefusal? Check(GameState state, ActionType type, Point? target)
    {
        if (state.Marking is null || state.Status is not (GameStatus.Endgame or GameStatus.RequestPending))
        {
            return new ActionRefusal.WrongStatus(type, state.Status);
        }

        if (state.Pending is { Type: not RequestType.TallyScore } pending)
        {
            return new ActionRefusal.RequestPending(pending.Type);
        }

        if (target is not { } point)
        {
            return new ActionRefusal.PointMissing(type);
        }

        if (!point.IsOnBoard(state.Size))
        {
            return new ActionRefusal.OffBoard(point, state.Size);
        }

        return state.Position.Board[point].ToColor() is null ? new ActionRefusal.NoChain(point) : null;
    }

    // The stones of the group at the point whose mark would change.
    private static List<Point> Changing(GameState state, Point point, bool dead) =>
        DeadMarking.GroupAt(state.Position.Board, point).Where(stone => state.Marking!.Dead.Contains(stone) != dead).ToList();
}
