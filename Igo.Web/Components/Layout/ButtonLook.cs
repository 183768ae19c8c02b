using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Igo.Web.Components.Layout;

/// <summary>
/// MudButton's and MudIconButton's look on a plain <c>&lt;button&gt;</c>: their classes and start icon, so that
/// MudBlazor's styles draw it as they draw theirs. The game page's buttons use it: a MudButton with its icon is two
/// components, about 6 KB of server memory for each open page (issue 13). ButtonLookTests compares the markup with
/// MudBlazor's own.
/// </summary>
public static class ButtonLook
{
    private static readonly ConcurrentDictionary<(Variant Variant, Color Color, Size Size), string> ButtonClasses = new();
    private static readonly ConcurrentDictionary<(string Icon, Size Size), MarkupString> StartIcons = new();

    /// <summary>A MudButton's classes.</summary>
    public static string Of(Variant variant, Color color = Color.Default, Size size = Size.Medium) =>
        ButtonClasses.GetOrAdd((variant, color, size), static key =>
        {
            var (variant, color, size) = (Name(key.Variant), Name(key.Color), Name(key.Size));
            return $"mud-button-root mud-button mud-button-{variant} mud-button-{variant}-{color} mud-button-{variant}-size-{size} mud-ripple";
        });

    /// <summary>A MudIconButton's classes.</summary>
    public static string OfIconButton(Color color = Color.Default) => color == Color.Default
        ? "mud-button-root mud-icon-button mud-ripple mud-ripple-icon"
        : $"mud-button-root mud-icon-button mud-{Name(color)}-text hover:mud-{Name(color)}-hover mud-ripple mud-ripple-icon";

    /// <summary>A MudButton's start icon, to go first in its label.</summary>
    public static MarkupString StartIcon(string icon, Size size = Size.Medium) =>
        StartIcons.GetOrAdd((icon, size), static key =>
            new MarkupString($"""<span class="mud-button-icon-start mud-button-icon-size-{Name(key.Size)}">{IconMarkup.Of(key.Icon, key.Size).Value}</span>"""));

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
