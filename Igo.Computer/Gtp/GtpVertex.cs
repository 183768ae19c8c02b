using Igo.Domain;

namespace Igo.Computer.Gtp;

/// <summary>What an engine answered to <c>genmove</c>.</summary>
public readonly record struct GtpMove(Point? Point, bool IsResign)
{
    public static readonly GtpMove Pass = new(null, false);

    public static readonly GtpMove Resign = new(null, true);

    public bool IsPass => Point is null && !IsResign;
}

/// <summary>Points and colours as GTP writes them: "D4" (no I column, rows counted from the bottom), "pass", "b"/"w".</summary>
public static class GtpVertex
{
    public static string Format(Point? point, int size) => point is { } p ? p.ToLabel(size) : "pass";

    public static string Format(Color color) => color == Color.Black ? "b" : "w";

    /// <summary>Parses a <c>genmove</c> answer; throws <see cref="GtpEngineException"/> on anything that is not a vertex of the board.</summary>
    public static GtpMove ParseMove(string text, int size)
    {
        ArgumentNullException.ThrowIfNull(text);
        var word = text.Trim();
        if (word.Equals("pass", StringComparison.OrdinalIgnoreCase))
        {
            return GtpMove.Pass;
        }

        if (word.Equals("resign", StringComparison.OrdinalIgnoreCase))
        {
            return GtpMove.Resign;
        }

        return Point.FromLabel(word, size) is { } point
            ? new GtpMove(point, false)
            : throw new GtpEngineException($"The engine answered '{word}', which is not a move on a {size}x{size} board.");
    }

    /// <summary>Parses a list of vertices separated by spaces or newlines (<c>final_status_list</c>); skips "pass" and bad words.</summary>
    public static IReadOnlyList<Point> ParseList(string text, int size)
    {
        ArgumentNullException.ThrowIfNull(text);
        var points = new List<Point>();
        foreach (var word in text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Point.FromLabel(word, size) is { } point)
            {
                points.Add(point);
            }
        }

        return points;
    }
}
