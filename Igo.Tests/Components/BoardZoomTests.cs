using Bunit;
using Igo.Web.Components.Play;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class BoardZoomTests : ComponentTestBase
{
    private IRenderedComponent<BoardZoom> RenderZoom(int size) =>
        Context.Render<BoardZoom>(p => p.Add(z => z.Size, size).AddChildContent("<div class=\"board\"></div>"));

    [Fact]
    public void A_9x9_board_has_points_large_enough_and_offers_no_zoom()
    {
        var zoom = RenderZoom(9);

        Assert.Empty(zoom.FindAll("[data-action=zoom]"));
        Assert.Equal("false", zoom.Find(".board-zoom").GetAttribute("data-zoomed"));
        Assert.NotNull(zoom.Find(".board-zoom .board"));
    }

    [Fact]
    public void A_19x19_board_zooms_in_centred_on_its_focus_and_back_out()
    {
        var zoom = RenderZoom(19);
        var toggle = zoom.Find("[data-action=zoom]");
        Assert.Equal("false", toggle.GetAttribute("aria-pressed"));
        Assert.Contains("Zoom in to play", toggle.TextContent, StringComparison.Ordinal);

        toggle.Click();

        Assert.Equal("true", zoom.Find(".board-zoom").GetAttribute("data-zoomed"));
        Assert.Contains("zoomed", zoom.Find(".board-zoom").ClassList);
        Assert.Equal("true", zoom.Find("[data-action=zoom]").GetAttribute("aria-pressed"));
        Assert.Single(Context.JSInterop.Invocations["igo.centreOnFocus"]);

        zoom.Find("[data-action=zoom]").Click();

        Assert.Equal("false", zoom.Find(".board-zoom").GetAttribute("data-zoomed"));
        Assert.Single(Context.JSInterop.Invocations["igo.centreOnFocus"]);
    }
}
