using Igo.Domain;

namespace Igo.Tests.Domain;

/// <summary>Short ways to drive a <see cref="Game"/> in tests.</summary>
internal static class GameScript
{
    public static readonly DateTimeOffset At = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static GameAction Action(ActionType type, Color player, Point? point = null) => new(type, player, point, At);

    public static ActionOutcome Place(this Game game, Color player, int row, int col) =>
        game.Apply(Action(ActionType.PlaceStone, player, new Point(row, col)));

    public static ActionOutcome Do(this Game game, ActionType type, Color player, Point? point = null) =>
        game.Apply(Action(type, player, point));

    public static ActionOutcome MustDo(this Game game, ActionType type, Color player, Point? point = null)
    {
        var outcome = game.Do(type, player, point);
        Assert.True(outcome.Accepted, $"{type} by {player} was rejected: {outcome}");
        return outcome;
    }

    /// <summary>Alternating placements starting with the player to move; each must be accepted.</summary>
    public static void Stones(this Game game, params (int Row, int Col)[] points)
    {
        foreach (var (row, col) in points)
        {
            var player = game.Turn;
            var outcome = game.Place(player, row, col);
            Assert.True(outcome.Accepted, $"{player} at ({row}, {col}) was rejected: {outcome}");
        }
    }

    /// <summary>Both players pass, the player to move first: play ends in the endgame.</summary>
    public static void BothPass(this Game game)
    {
        game.MustDo(ActionType.Pass, game.Turn);
        game.MustDo(ActionType.Pass, game.Turn);
        Assert.Equal(GameStatus.Endgame, game.Status);
    }

    /// <summary>
    /// Plays the stones of a diagram (X black, O white) by alternating placements, a colour with no stones left passing,
    /// and leaves <paramref name="toMove"/> to move in play. Each colour keeps <see cref="Board.LayingOrder"/>, so nothing
    /// is captured on the way.
    /// </summary>
    public static void SetUp(this Game game, Color toMove, params string[] rows)
    {
        var stones = Diagram.Stones(rows);
        var size = rows.Length;
        var order = Board.LayingOrder(size, stones); // the board's own, which also validates the diagram
        var black = order.Where(index => stones[index] == Stone.Black).Select(index => new Point(index / size, index % size)).ToList();
        var white = order.Where(index => stones[index] == Stone.White).Select(index => new Point(index / size, index % size)).ToList();
        var plan = Plan(game.Turn, black, white, flip: false);
        if (NextAfter(plan, game.Turn) != toMove)
        {
            plan = Plan(game.Turn, black, white, flip: true);
        }

        foreach (var (player, point) in plan)
        {
            game.MustDo(point is null ? ActionType.Pass : ActionType.PlaceStone, player, point);
        }

        Assert.Equal(toMove, game.Turn);
        Assert.Equal(GameStatus.Play, game.Status);
        Assert.Equal(Diagram.Text(rows), game.CopyBoard().ToString());
    }

    private static Color NextAfter(List<(Color Player, Point? Point)> plan, Color first) =>
        plan.Count == 0 ? first : plan[^1].Player.Opponent();

    // The colour with more stones left lays them while the other passes; once both have as many left they alternate,
    // so the plan ends with a placement and never holds two passes in a row. With flip, the player to move at that
    // moment passes once more, which changes who moves after the plan.
    private static List<(Color Player, Point? Point)> Plan(Color first, List<Point> black, List<Point> white, bool flip)
    {
        var plan = new List<(Color Player, Point? Point)>();
        var queues = new Dictionary<Color, Queue<Point>> { [Color.Black] = new(black), [Color.White] = new(white) };
        var player = first;
        var flipPending = flip;
        while (queues[Color.Black].Count + queues[Color.White].Count > 0 || flipPending)
        {
            var mine = queues[player].Count;
            var theirs = queues[player.Opponent()].Count;
            var lastWasPass = plan.Count > 0 && plan[^1].Point is null;
            if (flipPending && mine == theirs && !lastWasPass)
            {
                plan.Add((player, null));
                flipPending = false;
            }
            else if (mine > 0 && mine >= theirs)
            {
                plan.Add((player, queues[player].Dequeue()));
            }
            else
            {
                plan.Add((player, null));
            }

            player = player.Opponent();
        }

        return plan;
    }
}
