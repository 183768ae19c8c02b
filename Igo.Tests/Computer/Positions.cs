using Igo.Domain;
using Igo.Web.Computer;

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
}
