using Igo.Domain;

namespace Igo.Web.Components.Play;

/// <summary>Where the board draws what: star points and the coordinate labels players read.</summary>
public static class BoardGeometry
{
    /// <summary>The hoshi of the usual board sizes: corners and centre, plus the side points from 15×15 up.</summary>
    public static IReadOnlyList<Point> StarPoints(int size)
    {
        if (size < 7)
        {
            return [];
        }

        var edge = size >= 13 ? 3 : 2;
        var far = size - 1 - edge;
        var lines = new List<int> { edge, far };
        var hasCentre = size % 2 == 1;
        if (hasCentre && size >= 15)
        {
            lines.Insert(1, size / 2);
        }

        var points = new List<Point>();
        foreach (var row in lines)
        {
            foreach (var col in lines)
            {
                points.Add(new Point(row, col));
            }
        }

        if (hasCentre && size < 15)
        {
            points.Add(new Point(size / 2, size / 2));
        }

        return points;
    }

    public static string ColumnLabel(int col) => Point.ColumnLetters[col].ToString();

    /// <summary>Rows are numbered from the bottom, as players read them.</summary>
    public static string RowLabel(int row, int size) => (size - row).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
