namespace Igo.Domain;

/// <summary>
/// Marking a group dead or alive on the scoring phase's shared board: either player, any group, no answer needed. A
/// change withdraws a pending acceptance of the count (it accepted the marking before), so the game ends only on a
/// marking both players accepted as it stands. Marking the same way twice is refused: it would change nothing.
/// </summary>
internal static class GroupMarking
{
    public static ActionOutcome Mark(GameState state, Color player, Point? target, bool dead)
    {
        var type = dead ? ActionType.MarkGroupDead : ActionType.MarkGroupAlive;
        if (state.Marking is not { } marking || state.Status is not (GameStatus.Endgame or GameStatus.RequestPending))
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

        var board = state.Position.Board;
        var group = DeadMarking.GroupAt(board, point);
        if (group.Count == 0)
        {
            return new ActionRefusal.NoChain(point);
        }

        var changing = group.Where(stone => marking.Dead.Contains(stone) != dead).ToList();
        if (changing.Count == 0)
        {
            return new ActionRefusal.MarkingUnchanged(point, dead);
        }

        var withdrawn = state.Pending?.Initiator;
        if (withdrawn is not null)
        {
            state.CloseRequest(GameStatus.Endgame);
        }

        state.Marking = marking.With(changing, dead);
        return new ActionOutcome.GroupMarked(player, board[point].ToColor()!.Value, changing.Count, dead, withdrawn);
    }
}
