using Igo.Computer;
using Igo.Domain;

namespace Igo.Tests.Computer;

/// <summary>Positions for the computer tests, drawn as rows of X (black), O (white) and . (empty), top row first.</summary>
internal static class Positions
{
    public static Board Board(params string[] rows)
    {
        var size = rows.Length;
        var stones = new Stone[size * size];
        for (var row = 0; row < size; row++)
        {
            Assert.Equal(size, rows[row].Length);
            for (var col = 0; col < size; col++)
            {
                stones[(row * size) + col] = rows[row][col] switch
                {
                    'X' => Stone.Black,
                    'O' => Stone.White,
                    _ => Stone.Empty,
                };
            }
        }

        return Igo.Domain.Board.FromStones(size, stones);
    }

    public static ComputerPosition Position(Color toMove, params string[] rows) =>
        ComputerPosition.FromBoard(Board(rows), Ruleset.Japanese(), toMove);

    /// <summary>
    /// A game whose board is the diagram, reached by placing the stones row by row in turn (a side with no stone left
    /// passes), then both passing: the endgame of that position. Diagrams here never capture on the way.
    /// </summary>
    public static Game EndgameOf(params string[] rows)
    {
        var game = InPlayOf(rows);
        var board = game.CopyBoard();
        Assert.True(game.Apply(new GameAction(ActionType.Pass, game.Turn, null, DateTimeOffset.UnixEpoch)).Accepted);
        Assert.True(game.Apply(new GameAction(ActionType.Pass, game.Turn, null, DateTimeOffset.UnixEpoch)).Accepted);
        Assert.Equal(GameStatus.Endgame, game.Status);
        Assert.Equal(board.ToArray(), game.CopyBoard().ToArray());
        return game;
    }

    /// <summary>
    /// A game still in play whose board is the diagram, reached by placing the stones row by row in turn (a side with no
    /// stone left passes in between, never twice in a row). Diagrams here never capture on the way.
    /// </summary>
    public static Game InPlayOf(params string[] rows)
    {
        var board = Board(rows);
        var stones = new Dictionary<Color, Queue<Point>> { [Color.Black] = new(), [Color.White] = new() };
        for (var index = 0; index < rows.Length * rows.Length; index++)
        {
            var point = new Point(index / rows.Length, index % rows.Length);
            if (board[point].ToColor() is { } color)
            {
                stones[color].Enqueue(point);
            }
        }

        var game = Game.Create(rows.Length, Ruleset.Japanese());
        while (stones[Color.Black].Count + stones[Color.White].Count > 0)
        {
            var turn = game.Turn;
            var action = stones[turn].TryDequeue(out var next)
                ? new GameAction(ActionType.PlaceStone, turn, next, DateTimeOffset.UnixEpoch)
                : new GameAction(ActionType.Pass, turn, null, DateTimeOffset.UnixEpoch);
            Assert.True(game.Apply(action).Accepted);
        }

        Assert.Equal(GameStatus.Play, game.Status);
        Assert.Equal(board.ToArray(), game.CopyBoard().ToArray());
        return game;
    }

    /// <summary>
    /// Black holds the top with two eyes in its corners, white the bottom likewise; the white stone at G7 (2, 6) inside
    /// black's area is dead. Black: 26 points of territory once it is removed, and the prisoner; white: 19 points and komi.
    /// </summary>
    public static readonly string[] DeadStoneInside =
    [
        ".X.....X.",
        "XX.....XX",
        "X.....O.X",
        "X.......X",
        "XXXXXXXXX",
        "OOOOOOOOO",
        "O.......O",
        "OO.....OO",
        ".O.....O.",
    ];
}
