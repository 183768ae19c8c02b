using System.Collections.Concurrent;
using System.Net;
using Igo.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Igo.Web.Components.Play;

/// <summary>
/// A small filled MudChip's look as shared markup: its classes, icon and content, so that MudBlazor's styles draw it
/// as they draw theirs. The player cards' "to move" chip moves from one card to the other on every move; as a MudChip
/// it was a component made and another disposed on every move, on every page and every spectator's circuit (issue 12:
/// about a tenth of a watched move's server CPU). The chips here are not interactive, so nothing of MudChip's
/// behaviour is lost. ChipLookTests compares the markup with MudBlazor's own.
/// </summary>
public static class ChipLook
{
    private static readonly ConcurrentDictionary<(string Text, Color Color, string? Icon), MarkupString> Built = new();

    public static MarkupString Of(string text, Color color, string? icon = null) =>
        Built.GetOrAdd((text, color, icon), static key =>
        {
            var iconMarkup = key.Icon is null
                ? string.Empty
                : IconMarkup.Of(key.Icon, Size.Small).Value.Replace("mud-icon-size-small\"", "mud-icon-size-small mud-chip-icon\"", StringComparison.Ordinal);
            return new MarkupString(
                $"""<div class="mud-chip-container"><div class="mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-{key.Color.ToString().ToLowerInvariant()} ms-1" tabindex="-1">{iconMarkup}<span class="mud-chip-content">{WebUtility.HtmlEncode(key.Text)}</span></div></div>""");
        });
}
