namespace Igo.Domain;

/// <summary>Builds the immutable <see cref="GameView"/> of a game state.</summary>
internal static class GameViewFactory
{
    public static GameView Create(GameState state, int version, GameAction? lastAction)
    {
        var size = state.Size;
        var board = state.Position.Board;
        var marked = state.MarkedDead.ToHashSet();
        marked.UnionWith(state.Marking?.Dead ?? []);
        var owners = state.Tally?.Territory.Owners;
        var points = new PointState[size * size];
        var placements = state.Status == GameStatus.Play ? state.Position.PlacementsForTurn() : Placements.None(size);
        for (var row = 0; row < size; row++)
        {
            for (var col = 0; col < size; col++)
            {
                var point = new Point(row, col);
                var index = (row * size) + col;
                var stone = board[point];
                var counted = owners is not null && stone == Stone.Empty;
                points[index] = new PointState(stone, stone != Stone.Empty && marked.Count > 0 && marked.Contains(point), counted, counted ? owners![index] : Stone.Empty);
            }
        }

        return new GameView(
            size,
            state.Rules,
            state.Status,
            state.Position.Turn,
            Array.AsReadOnly(points),
            state.Position.Prisoners,
            state.Tally?.Territory.Territory ?? default,
            state.Pending,
            state.Result,
            lastAction is { Type: ActionType.PlaceStone } ? lastAction.Point : null,
            state.Position.Moves.Count,
            version,
            state.Tally?.Score,
            Array.AsReadOnly(placements.Legal))
        {
            Clock = state.Clock,
            Scoring = Scoring(state),
            LastPlay = state.Position.Moves.Count > 0 ? state.Position.Moves[^1] : null,
            LastMoveBy = new PerColor<Move?>(LastMoveOf(state.Position.Moves, Color.Black), LastMoveOf(state.Position.Moves, Color.White)),
            KoPoint = placements.KoPoint,
            Refusals = placements.Refusals,
        };
    }

    private static Move? LastMoveOf(IReadOnlyList<Move> moves, Color player)
    {
        for (var i = moves.Count - 1; i >= 0; i--)
        {
            if (moves[i].Player == player)
            {
                return moves[i];
            }
        }

        return null;
    }

    private static ScoringView? Scoring(GameState state)
    {
        if (state.Marking is not { } marking || (state.Status == GameStatus.Complete && state.Tally is null))
        {
            return null;
        }

        var accepted = state.Pending is { Type: RequestType.TallyScore } pending ? pending.Initiator : (Color?)null;
        return new ScoringView(marking, state.Tally ?? ScoreTallying.Preview(state), accepted);
    }
}
