using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Color = Igo.Domain.Color;

namespace Igo.Web.Components.Play;

/// <summary>
/// A small stone beside a name, so colour is never told by a word alone. Markup shared by every circuit, not a
/// component: it appears beside every chat message, and a component costs each page about 2 KB of server memory
/// (issue 13). Styled in app.css (<c>.stone-icon</c>).
/// </summary>
public static class StoneIcon
{
    private static readonly ConcurrentDictionary<(Color Color, int Size), MarkupString> Built = new();

    public static MarkupString Of(Color color, int size = 18) =>
        Built.GetOrAdd((color, size), static key => new MarkupString(string.Create(CultureInfo.InvariantCulture,
            $"""<svg class="stone-icon" viewBox="0 0 20 20" width="{key.Size}" height="{key.Size}" aria-hidden="true" focusable="false"><circle cx="10" cy="10" r="8.5" class="{(key.Color == Color.Black ? "black" : "white")}"/></svg>""")));
}
