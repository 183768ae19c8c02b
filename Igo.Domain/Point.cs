namespace Igo.Domain;

/// <summary>
/// A point of the board, zero-based: row 0 is the top row, column 0 the left column
/// (the igo-frontend's <c>points[row][col]</c>). Formats as the protocol prints coordinates: "(3, 15)".
/// </summary>
public readonly record struct Point(int Row, int Col)
{
    /// <summary>Column letters of the usual notation: A to Z without I.</summary>
    public const string ColumnLetters = "ABCDEFGHJKLMNOPQRSTUVWXYZ";

    public bool IsOnBoard(int size) => Row >= 0 && Col >= 0 && Row < size && Col < size;

    /// <summary>The label players read on a board of the given size: "D4", with numbers counted from the bottom.</summary>
    public string ToLabel(int size) => $"{ColumnLetters[Col]}{size - Row}";

    /// <summary>Parses a label such as "D4" or "q16" (GTP and SGF-free notation); null when it is not a point of the board.</summary>
    public static Point? FromLabel(string label, int size)
    {
        ArgumentNullException.ThrowIfNull(label);
        var text = label.Trim().ToUpperInvariant();
        if (text.Length < 2)
        {
            return null;
        }

        var col = ColumnLetters.IndexOf(text[0], StringComparison.Ordinal);
        if (col < 0 || !int.TryParse(text.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var point = new Point(size - number, col);
        return point.IsOnBoard(size) ? point : null;
    }

    public override string ToString() => $"({Row}, {Col})";
}
