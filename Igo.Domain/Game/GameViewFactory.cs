using System.Collections.Frozen;

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
        var legal = new bool[size * size];
        var inPlay = state.Status == GameStatus.Play;
        var turn = state.Position.Turn;
        // Only the few empty points the rules refuse (suicide, ko) have a reason; most views have none to keep.
        Dictionary<Point, ActionRefusal>? refusals = null;
        for (var row = 0; row < size; row++)
        {
            for (var col = 0; col < size; col++)
            {
                var point = new Point(row, col);
                var index = (row * size) + col;
                var stone = board[point];
                var counted = owners is not null && stone == Stone.Empty;
                points[index] = new PointState(stone, stone != Stone.Empty && marked.Contains(point), counted, counted ? owners![index] : Stone.Empty);
                legal[index] = inPlay && state.Position.IsLegal(point, turn);
                if (inPlay && !legal[index] && stone == Stone.Empty && state.Position.PlacementRefusal(point, turn) is { } refusal)
                {
                    (refusals ??= [])[point] = refusal;
                }
            }
        }

        return new GameView(
            size,
            state.Rules,
            state.Status,
            turn,
            Array.AsReadOnly(points),
            state.Position.Prisoners,
            state.Tally?.Territory.Territory ?? default,
            state.Pending,
            state.Result,
            lastAction is { Type: ActionType.PlaceStone } ? lastAction.Point : null,
            state.Position.Moves.Count,
            version,
            state.Tally?.Score,
            Array.AsReadOnly(legal))
        {
            Clock = state.Clock,
            Scoring = Scoring(state),
            LastPlay = state.Position.Moves.Count > 0 ? state.Position.Moves[^1] : null,
            LastMoveBy = new PerColor<Move?>(LastMoveOf(state.Position.Moves, Color.Black), LastMoveOf(state.Position.Moves, Color.White)),
            KoPoint = refusals?.Values.OfType<ActionRefusal.Ko>().FirstOrDefault(ko => ko.Rule == KoRule.Simple)?.Point,
            Refusals = refusals ?? (IReadOnlyDictionary<Point, ActionRefusal>)FrozenDictionary<Point, ActionRefusal>.Empty,
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
