using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

/// <summary>The engine's dead-stone advice in a real browser, with the app's real advisor (GNU Go when installed).</summary>
[Collection("Browser")]
[Trait("Category", "Browser")]
public sealed class AdviceBrowserTests(BrowserHost host)
{
    private IGameCoordinator Coordinator => host.App.Services.GetRequiredService<IGameCoordinator>();

    [Fact]
    public async Task The_engine_suggests_the_dead_chain_and_one_click_proposes_it()
    {
        var keys = await ScriptedGames.PlayAsync(Coordinator, 9, ScriptedGames.Whole9, "Two passes: shall we count?");
        var black = await host.NewPlayerAsync(width: 1280, height: 860);
        var white = await host.NewPlayerAsync(dark: true, width: 1280, height: 860);
        try
        {
            await black.OpenAsync($"/game/{keys.Black}");
            await white.OpenAsync($"/game/{keys.White}");

            await black.ClickActionAsync("suggest-dead");

            // White's D5-D6 chain sits inside black's area: every judge we have calls it dead.
            await Expect(black.Cell("D5").Locator(".suggested-dead")).ToHaveCountAsync(1);
            await Expect(black.Cell("D6")).ToHaveAttributeAsync("aria-label", "D6, white stone, suggested dead by the engine");
            await Expect(black.Page.Locator("[data-estimate]")).ToContainTextAsync("leads by about");
            await Expect(black.Page.Locator("[data-chain=D6]")).ToContainTextAsync("2 white stones at D6");
            await Expect(black.Page.Locator("[data-action=propose-suggested]")).ToContainTextAsync("chain at D6");
            await black.ScreenshotAsync(Screenshots.PathOf("endgame-advice-light.png"));

            await black.ClickActionAsync("propose-suggested");

            // The suggestion is marked on the shared board at once: no request for white to answer.
            await Expect(white.Cell("D6")).ToHaveAttributeAsync("aria-label", "D6, white stone, marked dead, black territory");
            await Expect(white.Page.Locator(".mud-dialog")).ToHaveCountAsync(0);
            await Expect(black.Page.Locator("[data-no-suggestions]")).ToBeVisibleAsync();
        }
        finally
        {
            await black.Page.Context.CloseAsync();
            await white.Page.Context.CloseAsync();
        }
    }
}
