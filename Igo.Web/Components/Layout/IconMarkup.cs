using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Igo.Web.Components.Layout;

/// <summary>
/// A Material icon (MudBlazor's <see cref="Icons"/>) as markup with MudIcon's classes, so that MudBlazor's styles size
/// and colour it as they would a MudIcon. Each icon and size is built once and shared by every circuit: a MudIcon is a
/// component, which costs each page that shows it about 2 KB of server memory (issue 13).
/// </summary>
public static class IconMarkup
{
    private static readonly ConcurrentDictionary<(string Icon, Size Size), MarkupString> Built = new();

    public static MarkupString Of(string icon, Size size = Size.Medium) =>
        Built.GetOrAdd((icon, size), static key => new MarkupString(
            $"""<svg class="mud-icon-root mud-svg-icon mud-icon-size-{key.Size.ToString().ToLowerInvariant()}" focusable="false" viewBox="0 0 24 24" aria-hidden="true" role="img">{key.Icon}</svg>"""));
}
