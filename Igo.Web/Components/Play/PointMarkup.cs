using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Igo.Domain;
using Microsoft.AspNetCore.Components;

namespace Igo.Web.Components.Play;

/// <summary>
/// The SVG of one board point, as one markup block: a focusable grid cell with its label, stone, marks and preview,
/// and no event handler of its own (the board listens once for all its points, see <see cref="BoardInputEventArgs"/>).
/// A point's markup depends only on its board size, place and <see cref="PointLook"/>, so every look that recurs is
/// built once and shared by every board of every circuit: a circuit holds a reference per point, not a copy.
/// </summary>
public static class PointMarkup
{
    /// <summary>Enough for every look that really occurs on the three board sizes; past it markup is built, not kept.</summary>
    internal const int MaxShared = 60_000;

    private static readonly ConcurrentDictionary<(int Size, int Index, PointLook Look), MarkupString> Shared = new();

    internal static int SharedCount => Shared.Count;

    public static MarkupString For(int size, Point point, PointLook look)
    {
        if (!look.Recurs)
        {
            return Build(size, point, look);
        }

        var key = (size, (point.Row * size) + point.Col, look);
        if (Shared.TryGetValue(key, out var markup))
        {
            return markup;
        }

        markup = Build(size, point, look);
        return Shared.Count < MaxShared ? Shared.GetOrAdd(key, markup) : markup;
    }

    private static MarkupString Build(int size, Point point, PointLook look)
    {
        var label = point.ToLabel(size);
        var html = new StringBuilder(480);
        var culture = CultureInfo.InvariantCulture;
        html.Append(culture, $"""<g role="gridcell" class="{CssClass(look)}" transform="translate({BoardDrawing.Coordinate(point.Col)} {BoardDrawing.Coordinate(point.Row)})" """)
            .Append(culture, $"""tabindex="{(look.Focused ? 0 : -1)}" aria-label="{WebUtility.HtmlEncode(PointDescription.Describe(label, look))}" """)
            .Append(culture, $"""aria-disabled="{(look.Disabled ? "true" : "false")}" data-point="{label}">""")
            .Append("""<rect class="hit" x="-50" y="-50" width="100" height="100"/>""");
        if (look.Stone != Stone.Empty)
        {
            html.Append("""<circle class="shadow" cx="5" cy="7" r="46"/>""")
                .Append(culture, $"""<circle class="stone {StoneClass(look.Stone)}" r="47"/>""");
            if (look.SuggestedDead && !look.MarkedDead)
            {
                html.Append("""<circle class="suggested-dead-halo" r="33"/><circle class="suggested-dead" r="33"/>""");
            }

            if (look.MarkedDead)
            {
                html.Append(culture, $"""<path class="dead-mark {OppositeClass(look.Stone)}" d="M -20 -20 L 20 20 M 20 -20 L -20 20"/>""");
            }

            if (look.Number > 0)
            {
                html.Append(culture, $"""<text class="move-number {OppositeClass(look.Stone)}{(look.LastMove ? " last" : string.Empty)}" text-anchor="middle" dominant-baseline="central">{look.Number}</text>""");
            }
            else if (look.LastMove)
            {
                html.Append(culture, $"""<circle class="last-move {OppositeClass(look.Stone)}" r="21"/>""");
            }
        }

        if (look.Territory != Stone.Empty)
        {
            html.Append(culture, $"""<rect class="territory {StoneClass(look.Territory)}" x="-14" y="-14" width="28" height="28" rx="3"/>""");
        }

        if (look.Ko)
        {
            html.Append("""<rect class="ko-mark" x="-22" y="-22" width="44" height="44"/>""");
        }

        if (look.Stone == Stone.Empty && !look.Blocked)
        {
            // Shown only while the board is in place mode, in the colour of the board's player (GoBoard.razor.css).
            html.Append("""<circle class="preview" r="46"/>""");
        }

        html.Append("""<rect class="focus-halo" x="-49" y="-49" width="98" height="98" rx="14"/>""")
            .Append("""<rect class="focus-ring" x="-49" y="-49" width="98" height="98" rx="14"/></g>""");
        return new MarkupString(html.ToString());
    }

    private static string CssClass(PointLook look) =>
        "pt" + (look.Stone == Stone.Empty && !look.Blocked ? " open" : string.Empty) + (look.Selectable ? " selectable" : string.Empty)
        + (look.AwaitingConfirm ? " awaiting-confirm" : string.Empty) + (look.MarkedDead ? " dead" : string.Empty)
        + (look.SuggestedDead ? " suggested-dead-stone" : string.Empty);

    private static string StoneClass(Stone stone) => stone == Stone.Black ? "black" : "white";

    private static string OppositeClass(Stone stone) => stone == Stone.Black ? "on-black" : "on-white";
}
