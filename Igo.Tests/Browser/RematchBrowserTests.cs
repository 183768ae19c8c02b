using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

[Collection("Browser")]
[Trait("Category", "Browser")]
public sealed class RematchBrowserTests(BrowserHost host)
{
    [Fact]
    public async Task One_player_offers_a_rematch_the_other_accepts_and_both_land_on_the_new_game_with_colours_swapped()
    {
        var black = await host.NewPlayerAsync();
        var white = await host.NewPlayerAsync();
        var spectator = await host.NewPlayerAsync();
        try
        {
            var invite = await black.CreateGameAsync();
            await white.OpenAsync(invite);
            await Expect(white.Page.Locator("h1")).ToHaveTextAsync("Game: you play white");
            await spectator.OpenAsync(new Uri(await black.Page.Locator("#watch-link").InputValueAsync()).AbsolutePath);
            await Expect(spectator.Page.Locator("[data-watching]")).ToBeVisibleAsync();
            var oldWatch = spectator.Page.Url;
            var (oldBlack, oldWhite) = (black.Page.Url, white.Page.Url);

            await black.ClickActionAsync("resign");
            await black.Page.Locator(".mud-dialog button:has-text('Resign')").ClickAsync();
            await Expect(white.Result).ToContainTextAsync("resigned");

            await black.ClickActionAsync("offer-rematch");
            await Expect(black.Page.Locator("[data-rematch-waiting]")).ToContainTextAsync("Waiting for white");
            var offer = white.Page.Locator("[data-rematch-offer]");
            await Expect(offer).ToContainTextAsync("Black offers a rematch, with colours swapped: you would play black.");
            await Expect(white.Page.Locator("[data-rematch-live]")).ToHaveTextAsync("Black offers a rematch, with colours swapped.");
            await Expect(white.Page.Locator(".mud-dialog")).ToHaveCountAsync(0);
            await offer.ScrollIntoViewIfNeededAsync();
            await white.Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("rematch-offer.png") });

            await white.ClickActionAsync("accept-rematch");

            await Expect(black.Page.Locator("h1")).ToHaveTextAsync("Game: you play white");
            await Expect(white.Page.Locator("h1")).ToHaveTextAsync("Game: you play black");
            await black.WaitForBoardAsync();
            await white.WaitForBoardAsync();
            var urls = new[] { oldBlack, oldWhite, black.Page.Url, white.Page.Url };
            Assert.Equal(4, urls.Distinct(StringComparer.Ordinal).Count());

            // The new game is played: the new black (the old white) moves first and the other sees it.
            await white.PlayAsync("E5", "black");
            await black.ExpectStoneAsync("E5", "black");

            // The spectator is offered the rematch, follows the link and watches the new game.
            var follow = spectator.Page.Locator("[data-action=watch-rematch]");
            await Expect(follow).ToBeVisibleAsync();
            await Expect(spectator.Page.Locator("[data-rematch-follow-live]")).ToContainTextAsync("The players started a rematch.");
            await follow.ClickAsync();
            await Expect(spectator.Page).Not.ToHaveURLAsync(oldWatch);
            await spectator.ExpectStoneAsync("E5", "black");
            Assert.Equal(0, await spectator.Page.Locator("[data-action=watch-rematch]").CountAsync());
        }
        finally
        {
            await spectator.Page.Context.CloseAsync();
            await black.Page.Context.CloseAsync();
            await white.Page.Context.CloseAsync();
        }
    }
}
