using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

/// <summary>Saves the screenshots shown in the README (docs/screenshots), checking on the way what they show.</summary>
[Collection("Browser")]
[Trait("Category", "Browser")]
public sealed class ScreenshotTests(BrowserHost host)
{
    private IGameCoordinator Coordinator => host.App.Services.GetRequiredService<IGameCoordinator>();

    [Fact]
    public async Task A_game_in_progress_in_light_and_dark()
    {
        var keys = await ScriptedGames.PlayAsync(Coordinator, 19, ScriptedGames.Opening19,
            "Good luck, have fun!", "You too. Nice fuseki.", "Your group on the left looks thin...");
        var black = await host.NewPlayerAsync(width: 1440, height: 960);
        var white = await host.NewPlayerAsync(dark: true, width: 1440, height: 960);
        var phone = await host.NewPlayerAsync(width: 360, height: 760, touch: true);
        try
        {
            await black.OpenAsync($"/game/{keys.Black}");
            await white.OpenAsync($"/game/{keys.White}");
            await Expect(black.Page.Locator("[data-opponent-away]")).ToHaveCountAsync(0);
            await black.ExpectStoneAsync("G10", "white");
            await Expect(black.Cell("G10")).ToHaveAttributeAsync("aria-label", "G10, white stone, last move");
            await Expect(black.Page.Locator("li.msg")).ToHaveCountAsync(3);
            await Expect(white.Page.Locator(".igo-dark")).ToHaveCountAsync(1);

            await black.ScreenshotAsync(Screenshots.PathOf("game-in-progress-light.png"));
            await white.ScreenshotAsync(Screenshots.PathOf("game-in-progress-dark.png"));

            // The black player's tab moves to a phone: the key is free once the desktop tab is closed.
            await black.Page.CloseAsync();
            await phone.OpenAsync($"/game/{keys.Black}");
            await Expect(phone.Page.Locator("[data-status]")).ToContainTextAsync("Your move");
            var overflow = await phone.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(overflow, "The page scrolls sideways at 360 px.");
            await phone.ScreenshotAsync(Screenshots.PathOf("game-phone-light.png"));
        }
        finally
        {
            await black.Page.Context.CloseAsync();
            await white.Page.Context.CloseAsync();
            await phone.Page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_finished_game_with_its_territory_in_light_and_dark()
    {
        var keys = await ScriptedGames.PlayAsync(Coordinator, 9, ScriptedGames.Whole9, "Two passes: shall we count?", "Yes, D5 is dead.");
        var black = await host.NewPlayerAsync(width: 1280, height: 860);
        var white = await host.NewPlayerAsync(dark: true, width: 1280, height: 860);
        try
        {
            await black.OpenAsync($"/game/{keys.Black}");
            await white.OpenAsync($"/game/{keys.White}");

            await black.Cell("D5").ClickAsync();
            await Expect(white.Cell("D6")).ToHaveAttributeAsync("aria-label", "D6, white stone, marked dead, black territory");
            await white.ScreenshotAsync(Screenshots.PathOf("scoring-dark.png"));
            await white.ClickActionAsync("accept-count");
            await Expect(black.Page.Locator("[data-acceptance]")).ToContainTextAsync("White accepted");
            await black.ClickActionAsync("accept-count");

            await Expect(black.Result).ToBeVisibleAsync();
            var blackResult = await black.Result.InnerTextAsync();
            await Expect(white.Result).ToHaveTextAsync(blackResult);
            await Expect(black.Page.Locator("[data-stat=total]")).ToHaveCountAsync(2);
            Assert.NotEmpty(await black.Page.Locator(".territory").AllAsync());

            await black.ScreenshotAsync(Screenshots.PathOf("game-finished-light.png"));
            await white.ScreenshotAsync(Screenshots.PathOf("game-finished-dark.png"));
        }
        finally
        {
            await black.Page.Context.CloseAsync();
            await white.Page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_home_page()
    {
        var visitor = await host.NewPlayerAsync(width: 1280, height: 860);
        try
        {
            await visitor.OpenHomeAsync();
            await Expect(visitor.Page.Locator("[data-action=create]")).ToBeEnabledAsync();
            await visitor.ScreenshotAsync(Screenshots.PathOf("home-light.png"));
        }
        finally
        {
            await visitor.Page.Context.CloseAsync();
        }
    }
}
