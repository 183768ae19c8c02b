using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

/// <summary>A finished game reviewed with the keyboard alone: opened from the game page, stepped, jumped from the score graph, a variation tried and left.</summary>
[Collection("Browser")]
[Trait("Category", "Browser")]
public sealed class ReviewBrowserTests(BrowserHost host)
{
    private IGameCoordinator Coordinator => host.App.Services.GetRequiredService<IGameCoordinator>();

    [Fact]
    public async Task A_finished_game_is_reviewed_with_the_keyboard_alone()
    {
        // 70 moves, then black resigns.
        var keys = await ScriptedGames.PlayAsync(Coordinator, 19, ScriptedGames.Opening19, resign: true);
        var player = await host.NewPlayerAsync(width: 1440, height: 960);
        var page = player.Page;
        var position = page.Locator("[data-review-position] strong");
        try
        {
            await player.OpenAsync($"/game/{keys.Black}");
            var review = page.Locator("[data-action=review]");
            await review.FocusAsync();
            await page.Keyboard.PressAsync("Enter");

            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/review/{keys.Black}$"));
            await Expect(page.Locator("section.review[data-interactive=true]")).ToHaveCountAsync(1);
            await Expect(position).ToHaveTextAsync("Move 70, White G10");
            await Expect(page.Locator("svg.score-graph-svg")).ToBeVisibleAsync(new() { Timeout = BrowserHost.EngineReviewTimeoutMs });

            // Step with the keys from the move controls.
            await page.Locator("[data-action=previous]").FocusAsync();
            await page.Keyboard.PressAsync("ArrowLeft");
            await Expect(position).ToHaveTextAsync("Move 69, Black M10");
            await Expect(player.LiveRegion).ToHaveTextAsync("Move 69, Black M10");
            await page.Keyboard.PressAsync("Home");
            await Expect(position).ToHaveTextAsync("Start of the game");
            await page.Keyboard.PressAsync("PageDown");
            await Expect(position).ToHaveTextAsync("Move 10, White G14");
            await page.Keyboard.PressAsync("ArrowRight");
            await Expect(player.LiveRegion).ToHaveTextAsync("Move 11, Black H16");
            Assert.Equal(0, await page.EvaluateAsync<int>("() => window.scrollY"));

            // Jump to a swing the graph marks.
            var swing = page.Locator("[data-swing]").First;
            var swingMove = await swing.GetAttributeAsync("data-swing");
            await swing.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(position).ToContainTextAsync($"Move {swingMove},");
            await Expect(page.Locator($"[data-graph-current='{swingMove}']")).ToHaveCountAsync(1);

            // A variation at the empty top-left corner: into the board, to the corner with the arrows, Enter.
            await page.Locator(".igo-board-grid [tabindex='0']").FocusAsync();
            await page.Keyboard.PressAsync("Home");
            for (var i = 0; i < 18; i++)
            {
                await page.Keyboard.PressAsync("ArrowUp");
            }

            await Expect(player.Cell("A19")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("[data-review-variation]")).ToBeVisibleAsync();
            await Expect(player.LiveRegion).ToContainTextAsync("Variation: Move");
            await Expect(player.LiveRegion).ToContainTextAsync("A19");
            await Expect(player.Cell("A19").Locator(".stone")).ToHaveCountAsync(1);
            await player.ScreenshotAsync(Screenshots.PathOf("review-variation.png"));

            // Back to the game: the next stop after the board.
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.Locator("[data-action=back-to-game]")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("[data-review-variation]")).ToHaveCountAsync(0);
            await Expect(position).ToContainTextAsync($"Move {swingMove},");
            await Expect(player.Cell("A19").Locator(".stone")).ToHaveCountAsync(0);
            await Expect(player.LiveRegion).ToContainTextAsync("Back to the game.");

            await page.Locator("[data-action=last]").FocusAsync();
            await page.Keyboard.PressAsync("End");
            await Expect(position).ToHaveTextAsync("Move 70, White G10");
            await player.ScreenshotAsync(Screenshots.PathOf("review-graph.png"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_bad_sgf_file_is_refused_with_its_reason_and_a_good_one_opens()
    {
        var player = await host.NewPlayerAsync();
        var page = player.Page;
        try
        {
            await page.GotoAsync("/review");
            await Expect(page.Locator(".review-page[data-interactive=true]")).ToHaveCountAsync(1);
            await page.Locator("[data-sgf-file]").SetInputFilesAsync(new FilePayload { Name = "broken.sgf", MimeType = "application/x-go-sgf", Buffer = "(;GM[1]SZ[9];B[ee];B[dd])"u8.ToArray() });
            await Expect(page.Locator("[data-sgf-error]")).ToContainTextAsync("broken.sgf cannot be opened: Move 2");

            await page.Locator("[data-sgf-file]").SetInputFilesAsync(new FilePayload { Name = "short.sgf", MimeType = "application/x-go-sgf", Buffer = "(;GM[1]SZ[9]KM[6.5];B[ee];W[cc];B[gg])"u8.ToArray() });
            await Expect(page.Locator("[data-sgf-error]")).ToHaveCountAsync(0);
            await Expect(page.Locator("[data-review-position] strong")).ToHaveTextAsync("Move 3, Black G3");
            await Expect(page.Locator("[data-score-none]")).ToBeVisibleAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
