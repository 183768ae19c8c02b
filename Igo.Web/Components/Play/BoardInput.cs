using Microsoft.AspNetCore.Components;

namespace Igo.Web.Components.Play;

/// <summary>
/// A click or key on the board, delegated: the board listens once (<c>@onpointclick</c>, <c>@onpointkeydown</c> on
/// its grid) instead of once per point, and the browser names the point from the <c>data-point</c> of the element
/// the event came from (registered in wwwroot/js/igo.js as custom events on click and keydown).
/// </summary>
public sealed class BoardInputEventArgs : EventArgs
{
    /// <summary>The point's label ("D4"), or null when the event came from the board outside any point.</summary>
    public string? Point { get; set; }

    /// <summary>The key pressed (keydown only), as the browser names it ("ArrowUp", "Enter", " ").</summary>
    public string? Key { get; set; }
}

// Razor finds custom events only on a class named EventHandlers; under any other name "@onpointclick" would be
// written out as a plain attribute and the board would take no input.
[EventHandler("onpointclick", typeof(BoardInputEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
[EventHandler("onpointkeydown", typeof(BoardInputEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers;
