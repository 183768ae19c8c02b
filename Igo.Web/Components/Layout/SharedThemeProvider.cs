using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Igo.Web.Components.Layout;

/// <summary>
/// MudBlazor's theme provider, whose styles (some 12,000 characters of CSS variables) every circuit shares instead of
/// keeping its own copy: held in each circuit's render tree, they cost every open page 24 KB of server memory (issue
/// 13). The styles are built as MudThemeProvider builds them, then exchanged for the first copy with the same text. It
/// renders what <see cref="MudThemeProvider"/> renders (SharedThemeProviderTests compares the two).
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    // MudThemeProvider's own style for charts, as it renders it.
    private const string ChartStyle = "<style>\n    .mud-chart-serie:hover {\n        filter: url(#lighten);\n    }\n\n    .mud-chart-serie-hovered \n    {\n        filter: url(#lighten);\n    }\n</style>\n\n";

    // A theme in light and dark, with and without MudBlazor's scrollbar: a few texts; the cap only guards against a
    // theme that would change without end.
    private const int MaxShared = 32;

    private static readonly ConcurrentDictionary<string, MarkupString> Shared = new(StringComparer.Ordinal);

    protected override void BuildRenderTree(RenderTreeBuilder __builder)
    {
        ArgumentNullException.ThrowIfNull(__builder);
        if (!DefaultScrollbar)
        {
            __builder.AddContent(0, Share(BuildMudBlazorScrollbar()));
        }

        __builder.AddMarkupContent(1, ChartStyle);
        __builder.AddContent(2, Share(BuildTheme()));
    }

    internal static MarkupString Share(string built) =>
        Shared.TryGetValue(built, out var shared) ? shared
        : Shared.Count < MaxShared ? Shared.GetOrAdd(built, static text => new MarkupString(text))
        : new MarkupString(built);
}
