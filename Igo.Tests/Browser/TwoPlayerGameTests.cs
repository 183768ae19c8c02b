using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

[Collection("Browser")]
[Trait("Category", "Browser")]
public sealed class TwoPlayerGameTests(BrowserHost host)
{
    [Fact]
    public async Task Two_people_play_a_whole_game_in_two_browsers_and_see_the_same_result()
    {
        var black = await host.NewPlayerAsync();
        var white = await host.NewPlayerAsync();
        try
        {
            var invite = await black.CreateGameAsync();
            await Expect(black.Page.Locator("[data-opponent-away]")).ToBeVisibleAsync();

            await white.OpenAsync(invite);
            await Expect(black.Page.Locator("[data-opponent-away]")).ToHaveCountAsync(0);
            await Expect(white.Page.Locator("h1")).ToHaveTextAsync("Game: you play white");

            // A capture: white D3 is surrounded by C3, D4, E3 and finally D2.
            string[][] moves = [["C3", "black"], ["D3", "white"], ["D4", "black"], ["J9", "white"], ["E3", "black"], ["J8", "white"], ["D2", "black"]];
            for (var i = 0; i < moves.Length; i++)
            {
                var (mover, watcher) = i % 2 == 0 ? (black, white) : (white, black);
                await mover.PlayAsync(moves[i][0], moves[i][1]);
                await watcher.ExpectStoneAsync(moves[i][0], moves[i][1]);
            }

            foreach (var player in new[] { black, white })
            {
                await player.ExpectEmptyAsync("D3");
                await Expect(player.LiveRegion).ToHaveTextAsync("Black D2, captures 1");
            }

            await black.SayAsync("Nice capture of mine!");
            await Expect(white.Page.Locator("li.msg.theirs .text")).ToHaveTextAsync("Nice capture of mine!");
            await Expect(white.Page.Locator("[data-unread]")).ToHaveAttributeAsync("data-unread", "1");
            await white.SayAsync("Let's count.");
            await Expect(black.Page.Locator("li.msg.theirs .text")).ToHaveTextAsync("Let's count.");

            // Reloading lands in the same game with the board and the chat as they were.
            await white.ReloadAsync();
            await white.ExpectStoneAsync("D2", "black");
            await white.ExpectEmptyAsync("D3");
            await Expect(white.Page.Locator("li.msg")).ToHaveCountAsync(2);

            await white.ClickActionAsync("pass");
            await Expect(black.LiveRegion).ToHaveTextAsync("White passed");
            await black.ClickActionAsync("pass");
            await Expect(white.LiveRegion).ToContainTextAsync("the endgame begins");

            // One shared scoring board: black's click marks the white group dead on both pages, with the live count.
            await black.Cell("J9").ClickAsync();
            await Expect(white.Cell("J8")).ToHaveAttributeAsync("aria-label", "J8, white stone, marked dead, black territory");
            await Expect(white.Page.Locator(".mud-dialog")).ToHaveCountAsync(0);
            await Expect(white.Page.Locator("[data-total=black]")).ToHaveTextAsync("Black 80 (77 territory + 3 captures)");
            await Expect(white.LiveRegion).ToContainTextAsync("The marking changed: 2 stones marked dead. Black leads by 73.5.");

            await white.ClickActionAsync("accept-count");
            await Expect(black.Page.Locator("[data-acceptance]")).ToContainTextAsync("White accepted this count — waiting for you");
            await Expect(white.Page.Locator("[data-action=accept-count]")).ToBeDisabledAsync();
            await black.ClickActionAsync("accept-count");

            const string Expected = "Black 80 (77 territory + 3 captures) · White 6.5 (0 territory + 0 captures + 6.5 komi) · Black wins by 73.5.";
            await Expect(black.Result).ToContainTextAsync(Expected);
            await Expect(white.Result).ToContainTextAsync(Expected);
            await Expect(black.Cell("J9")).ToHaveAttributeAsync("aria-label", "J9, white stone, marked dead, black territory");
            await Expect(black.Page.Locator("[data-stat=territory]").First).ToHaveTextAsync("77");
            await Expect(white.Cell("E5")).ToHaveAttributeAsync("aria-label", "E5, empty, black territory");

            // The record downloads as SGF and reads back as the same finished game.
            var download = await white.Page.RunAndWaitForDownloadAsync(() => white.ClickActionAsync("download-sgf"));
            var path = await download.PathAsync();
            var sgf = await File.ReadAllTextAsync(path, Xunit.TestContext.Current.CancellationToken);
            Assert.EndsWith(".sgf", download.SuggestedFilename, StringComparison.Ordinal);
            Assert.Contains("SZ[9]", sgf, StringComparison.Ordinal);
            Assert.Contains("RE[B+73.5]", sgf, StringComparison.Ordinal);
            var imported = Igo.Domain.Sgf.Import(sgf);
            Assert.True(imported.Succeeded, imported.Error);
            Assert.Equal(7 + 2, imported.Game!.Moves.Count);
        }
        finally
        {
            await black.Page.Context.CloseAsync();
            await white.Page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_game_can_be_played_with_the_keyboard_alone()
    {
        var black = await host.NewPlayerAsync();
        var white = await host.NewPlayerAsync();
        try
        {
            var invite = await black.CreateGameAsync();
            await white.OpenAsync(invite);

            // Tab reaches the board as a single stop, at its centre; arrows move, Enter and Space play.
            await TabToBoardAsync(black.Page);
            await Expect(black.Page.Locator("[role=gridcell]:focus")).ToHaveAttributeAsync("data-point", "E5");
            await black.Page.Keyboard.PressAsync("ArrowUp");
            await black.Page.Keyboard.PressAsync("ArrowUp");
            await black.Page.Keyboard.PressAsync("ArrowRight");
            await Expect(black.Page.Locator("[role=gridcell]:focus")).ToHaveAttributeAsync("data-point", "F7");
            await black.Page.Keyboard.PressAsync("Enter");
            await white.ExpectStoneAsync("F7", "black");
            await Expect(white.LiveRegion).ToHaveTextAsync("Black F7");

            // Until a player moves around the board, its tab stop follows the last move.
            await TabToBoardAsync(white.Page);
            await Expect(white.Page.Locator("[role=gridcell]:focus")).ToHaveAttributeAsync("data-point", "F7");
            await white.Page.Keyboard.PressAsync("ArrowLeft");
            await white.Page.Keyboard.PressAsync("ArrowDown");
            await white.Page.Keyboard.PressAsync(" ");
            await black.ExpectStoneAsync("E6", "white");
            await Expect(black.LiveRegion).ToHaveTextAsync("White E6");

            // The roving tab stop stays where the player left it; an occupied point does not play.
            await black.Page.Keyboard.PressAsync("Enter");
            await black.Page.Keyboard.PressAsync("ArrowDown");
            await black.Page.Keyboard.PressAsync("Enter");
            await white.ExpectStoneAsync("F6", "black");
            await Expect(black.Page.Locator("[role=gridcell][tabindex='0']")).ToHaveCountAsync(1);
        }
        finally
        {
            await black.Page.Context.CloseAsync();
            await white.Page.Context.CloseAsync();
        }
    }

    private static async Task TabToBoardAsync(IPage page)
    {
        for (var presses = 0; presses < 40; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("() => document.activeElement?.getAttribute('role') === 'gridcell'"))
            {
                return;
            }
        }

        Assert.Fail("Tab never reached the board.");
    }
}
