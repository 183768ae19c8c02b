using Bunit;
using Igo.Web.Components.Play;
using Microsoft.AspNetCore.Components;

namespace Igo.Tests.Components;

/// <summary>
/// A click or key on a board point, as the browser sends it: the board listens once on its grid (GoBoard's
/// @onpointclick and @onpointkeydown), so the event starts at the point's element and bubbles up to the grid, with
/// the point named as wwwroot/js/igo.js names it.
/// </summary>
internal static class BoardEvents
{
    public static string Cell(string label) => $"[role=gridcell][data-point='{label}']";

    public static void ClickPoint<T>(this IRenderedComponent<T> rendered, string label)
        where T : IComponent =>
        rendered.Find(Cell(label)).TriggerEvent("onpointclick", new BoardInputEventArgs { Point = label });

    public static void PressOnPoint<T>(this IRenderedComponent<T> rendered, string label, string key)
        where T : IComponent =>
        rendered.Find(Cell(label)).TriggerEvent("onpointkeydown", new BoardInputEventArgs { Point = label, Key = key });
}
