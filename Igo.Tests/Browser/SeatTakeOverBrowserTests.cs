using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

/// <summary>
/// A second tab takes the seat (issue 15, docs/decisions/0011-seat-take-over.md): the newest tab plays, the old one
/// says so and cannot play until "Take it back here", and the opponent sees no coming and going.
/// </summary>
[Collection("Browser")]
[Trait("Category", "Browser")]
public sealed class SeatTakeOverBrowserTests(BrowserHost host)
{
    [Fact]
    public async Task A_second_tab_takes_the_seat_the_first_shows_why_and_takes_it_back()
    {
        var tabA = await host.NewPlayerAsync();
        var white = await host.NewPlayerAsync();
        try
        {
            var invite = await tabA.CreateGameAsync();
            await white.OpenAsync(invite);
            var ownGame = tabA.Page.Url;

            // The same browser, a second tab on the same link: it takes the seat without a click.
            var tabB = new PlayerPage(await tabA.Page.Context.NewPageAsync());
            await tabB.OpenAsync(ownGame);
            await tabB.PlayAsync("C3", "black");
            await white.ExpectStoneAsync("C3", "black");

            var panel = tabA.Page.Locator("[data-taken-over]");
            await Expect(panel).ToBeVisibleAsync();
            await Expect(panel.Locator("h6")).ToHaveTextAsync("This game is now open in another tab or device");
            await Expect(tabA.Page.Locator("[role=gridcell]")).ToHaveCountAsync(0);
            await tabA.ScreenshotAsync(Screenshots.PathOf("seat-taken-over.png"));

            // The opponent never saw black go: no "away" notice, nothing said in the live region.
            await white.PlayAsync("D4", "white");
            await Expect(white.Page.Locator("[data-opponent-away]")).ToHaveCountAsync(0);
            await Expect(white.LiveRegion).Not.ToContainTextAsync("left");

            await tabA.ClickActionAsync("take-back");
            await tabA.WaitForBoardAsync();
            await Expect(tabB.Page.Locator("[data-taken-over]")).ToBeVisibleAsync();
            await Expect(tabB.Page.Locator("[role=gridcell]")).ToHaveCountAsync(0);

            await tabA.PlayAsync("E5", "black");
            await white.ExpectStoneAsync("E5", "black");
            await Expect(white.Page.Locator("[data-opponent-away]")).ToHaveCountAsync(0);
            await Expect(white.LiveRegion).Not.ToContainTextAsync("left");
        }
        finally
        {
            await tabA.Page.Context.CloseAsync();
            await white.Page.Context.CloseAsync();
        }
    }
}
