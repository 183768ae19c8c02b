using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

[Collection("Browser")]
[Trait("Category", "Browser")]
public sealed class DeviceTests(BrowserHost host)
{
    [Fact]
    public async Task On_a_phone_a_first_tap_previews_and_a_second_tap_plays()
    {
        var black = await host.NewPlayerAsync(width: 360, height: 740, touch: true, confirmTaps: true);
        try
        {
            await black.CreateGameAsync();
            await Expect(black.Page.GetByRole(Microsoft.Playwright.AriaRole.Switch, new() { Name = "Tap twice to play" })).ToBeCheckedAsync();

            await black.Cell("C3").TapAsync();
            await Expect(black.Cell("C3")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("awaiting-confirm"));
            await black.ExpectEmptyAsync("C3");

            await black.Cell("C3").TapAsync();
            await black.ExpectStoneAsync("C3", "black");
            var overflow = await black.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(overflow, "The game page scrolls sideways at 360 px.");
        }
        finally
        {
            await black.Page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_mouse_sees_a_preview_stone_on_legal_points_only()
    {
        var black = await host.NewPlayerAsync();
        try
        {
            await black.CreateGameAsync();
            await black.Cell("E5").HoverAsync();
            await Expect(black.Cell("E5").Locator(".preview")).ToHaveCSSAsync("opacity", "0.5");
            await Expect(black.Cell("E5").Locator(".preview")).ToHaveCSSAsync("fill", new Regex("igo-stone-black"));
            await Expect(black.Cell("D4").Locator(".preview")).ToHaveCSSAsync("opacity", "0");

            // Once it is the opponent's turn no point offers a stone, even under the pointer.
            await black.PlayAsync("E5", "black");
            await Expect(black.Cell("E5").Locator(".preview")).ToHaveCountAsync(0);
            await black.Cell("D4").HoverAsync();
            await Expect(black.Page.Locator(".igo-board.mode-watch")).ToHaveCountAsync(1);
            await Expect(black.Cell("D4").Locator(".preview")).ToHaveCSSAsync("opacity", "0");
        }
        finally
        {
            await black.Page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Losing_the_connection_shows_a_banner_that_goes_when_it_is_back()
    {
        var black = await host.NewPlayerAsync();
        try
        {
            await black.CreateGameAsync();

            await black.Page.Context.SetOfflineAsync(true);
            await Expect(black.Page.Locator("#components-reconnect-modal")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Expect(black.Page.Locator("#components-reconnect-modal p:visible").First)
                .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Connection lost|Still offline"));

            await black.Page.Context.SetOfflineAsync(false);
            await Expect(black.Page.Locator("#components-reconnect-modal")).ToBeHiddenAsync(new() { Timeout = 60_000 });
            try
            {
                await black.PlayAsync("E5", "black");
            }
            catch (TimeoutException timeout)
            {
                // It failed in CI when the connection came back while the key was still being released (the page said
                // "already open on this page"; CircuitSeat.ResumeAsync now waits for the release): say what the page showed.
                throw new TimeoutException($"No move after the reconnect. {await black.DescribeAsync()}", timeout);
            }
        }
        finally
        {
            await black.Page.Context.CloseAsync();
        }
    }
}
