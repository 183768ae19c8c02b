using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Igo.Web.Components.Play;

/// <summary>
/// The parts of the board that only its size decides (gradients, wood, lines, star points, coordinate labels), as one
/// markup block built once per size and shared by every board: they cost a circuit one render-tree frame.
/// </summary>
public static class BoardDrawing
{
    /// <summary>Distance between lines in SVG units; the SVG scales to its container.</summary>
    public const int Cell = 100;

    public const int Margin = 104;

    private const int LabelNear = 38;

    private static readonly ConcurrentDictionary<int, MarkupString> Drawings = new();

    public static int Extent(int size) => ((size - 1) * Cell) + (2 * Margin);

    public static int Coordinate(int line) => Margin + (line * Cell);

    public static MarkupString For(int size) => Drawings.GetOrAdd(size, Build);

    private static MarkupString Build(int size)
    {
        var culture = CultureInfo.InvariantCulture;
        var extent = Extent(size);
        var far = Margin + ((size - 1) * Cell);
        var labelFar = extent - LabelNear;
        var svg = new StringBuilder(16 * 1024);
        svg.Append("""<defs><radialGradient id="igo-stone-black" cx="35%" cy="30%" r="70%"><stop offset="0%" stop-color="#5b5b5b"/><stop offset="45%" stop-color="#1f1f1f"/><stop offset="100%" stop-color="#050505"/></radialGradient>""")
            .Append("""<radialGradient id="igo-stone-white" cx="35%" cy="30%" r="75%"><stop offset="0%" stop-color="#ffffff"/><stop offset="70%" stop-color="#ecebe6"/><stop offset="100%" stop-color="#c9c6bd"/></radialGradient>""")
            .Append("""<linearGradient id="igo-wood" x1="0" y1="0" x2="1" y2="1"><stop offset="0%" class="wood-light"/><stop offset="100%" class="wood-dark"/></linearGradient></defs>""")
            .Append(culture, $"""<rect class="wood" x="0" y="0" width="{extent}" height="{extent}" rx="18" fill="url(#igo-wood)"/>""")
            .Append("""<g class="lines" aria-hidden="true">""");
        for (var i = 0; i < size; i++)
        {
            var at = Coordinate(i);
            svg.Append(culture, $"""<line x1="{Margin}" y1="{at}" x2="{far}" y2="{at}"/><line x1="{at}" y1="{Margin}" x2="{at}" y2="{far}"/>""");
        }

        svg.Append(culture, $"""<rect class="edge" x="{Margin}" y="{Margin}" width="{far - Margin}" height="{far - Margin}"/>""");
        foreach (var star in BoardGeometry.StarPoints(size))
        {
            svg.Append(culture, $"""<circle class="star" cx="{Coordinate(star.Col)}" cy="{Coordinate(star.Row)}" r="12"/>""");
        }

        svg.Append("""</g><g class="labels" aria-hidden="true">""");
        for (var i = 0; i < size; i++)
        {
            var at = Coordinate(i);
            var column = BoardGeometry.ColumnLabel(i);
            var row = BoardGeometry.RowLabel(i, size);
            svg.Append(culture, $"""<g><text x="{at}" y="{LabelNear}" dominant-baseline="central">{column}</text><text x="{at}" y="{labelFar}" dominant-baseline="central">{column}</text>""")
                .Append(culture, $"""<text x="{LabelNear}" y="{at}" dominant-baseline="central">{row}</text><text x="{labelFar}" y="{at}" dominant-baseline="central">{row}</text></g>""");
        }

        svg.Append("</g>");
        return new MarkupString(svg.ToString());
    }
}
