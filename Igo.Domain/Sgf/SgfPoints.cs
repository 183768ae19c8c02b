namespace Igo.Domain;

/// <summary>SGF point values: two letters, column then row, "a" = 0 (row 0 is the top row, as ours).</summary>
internal static class SgfPoints
{
    public static string Write(Point point) => $"{Letter(point.Col)}{Letter(point.Row)}";

    /// <summary>A move value: null for a pass ("" or, up to 19x19, "tt").</summary>
    public static Point? ReadMove(string value, int size) =>
        value.Length == 0 || (value == "tt" && size <= 19) ? null : Read(value, size);

    public static Point Read(string value, int size)
    {
        if (value.Length != 2 || Index(value[0]) is not { } col || Index(value[1]) is not { } row)
        {
            throw new SgfFormatException($"\"{value}\" is not an SGF point.");
        }

        var point = new Point(row, col);
        return point.IsOnBoard(size) ? point : throw new SgfFormatException($"Point \"{value}\" is off the {size}x{size} board.");
    }

    /// <summary>A point list, with FF[4] compressed rectangles ("aa:cc").</summary>
    public static IEnumerable<Point> ReadList(IEnumerable<string> values, int size)
    {
        foreach (var value in values)
        {
            if (value.Split(':') is [var first, var second])
            {
                var (from, to) = (Read(first, size), Read(second, size));
                for (var row = Math.Min(from.Row, to.Row); row <= Math.Max(from.Row, to.Row); row++)
                {
                    for (var col = Math.Min(from.Col, to.Col); col <= Math.Max(from.Col, to.Col); col++)
                    {
                        yield return new Point(row, col);
                    }
                }
            }
            else
            {
                yield return Read(value, size);
            }
        }
    }

    private static char Letter(int index) => (char)('a' + index);

    private static int? Index(char letter) => letter switch
    {
        >= 'a' and <= 'z' => letter - 'a',
        >= 'A' and <= 'Z' => letter - 'A' + 26,
        _ => null,
    };
}
