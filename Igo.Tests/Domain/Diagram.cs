using Igo.Domain;

namespace Igo.Tests.Domain;

/// <summary>Positions written as pictures: X black, O white, . empty; one string per row, top row first.</summary>
internal static class Diagram
{
    public static Board Board(params string[] rows) => Igo.Domain.Board.FromStones(rows.Length, Stones(rows));

    public static Stone[] Stones(params string[] rows)
    {
        var size = rows.Length;
        var stones = new Stone[size * size];
        for (var row = 0; row < size; row++)
        {
            var line = rows[row].Replace(" ", string.Empty, StringComparison.Ordinal);
            Assert.Equal(size, line.Length);
            for (var col = 0; col < size; col++)
            {
                stones[(row * size) + col] = line[col] switch
                {
                    'X' => Stone.Black,
                    'O' => Stone.White,
                    '.' => Stone.Empty,
                    var other => throw new ArgumentException($"Unknown diagram character '{other}'"),
                };
            }
        }

        return stones;
    }

    public static string Text(Board board) => board.ToString();

    public static string Text(params string[] rows) => string.Concat(rows.Select(r => r.Replace(" ", string.Empty, StringComparison.Ordinal) + "\n"));
}
