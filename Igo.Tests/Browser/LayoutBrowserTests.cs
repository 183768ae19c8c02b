using System.Globalization;
using System.Text.RegularExpressions;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

/// <summary>
/// Smaller things a player sees: the game's actions on one row at 1440 px, the board clear of the screen's edge while
/// the "not connected" notice sits above it, a black stone icon that stands out in dark mode, and the new-game form's
/// single choices as radios that remember the last game's choices.
/// </summary>
[Collection("Browser")]
[Trait("Category", "Browser")]
public sealed partial class LayoutBrowserTests(BrowserHost host)
{
    [Fact]
    public async Task At_1440_px_the_actions_keep_to_one_row_and_the_board_clears_the_screens_edge_below_the_notice()
    {
        var black = await host.NewPlayerAsync(width: 1440, height: 900);
        try
        {
            await black.CreateGameAsync();
            await Expect(black.Page.Locator("[data-opponent-away]")).ToBeVisibleAsync();

            var tops = new List<double>();
            foreach (var action in new[] { "pass", "undo", "draw", "resign" })
            {
                var box = await black.Page.Locator($"[data-action={action}]").BoundingBoxAsync();
                tops.Add(box!.Y);
            }

            Assert.True(tops.All(top => Math.Abs(top - tops[0]) < 1), $"The actions are on more than one row: {string.Join(", ", tops)}");
            var column = await black.Page.Locator(".side-column").BoundingBoxAsync();
            var resign = await black.Page.Locator("[data-action=resign]").BoundingBoxAsync();
            Assert.True(resign!.X + resign.Width <= column!.X + column.Width, $"Resign ends at {resign.X + resign.Width} px, past the column's {column.X + column.Width} px.");
            Assert.False(await black.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "The page scrolls sideways at 1440 px.");

            var board = await black.Page.Locator(".igo-board").BoundingBoxAsync();
            Assert.True(board!.Y + board.Height <= 900 - 8, $"The board ends at {board.Y + board.Height} px on a 900 px screen.");
        }
        finally
        {
            await black.Page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task In_dark_mode_every_black_stone_icon_has_a_rim_a_pixel_wide_or_more_at_3_to_1_against_its_background()
    {
        var coordinator = host.App.Services.GetRequiredService<IGameCoordinator>();
        var keys = await ScriptedGames.PlayAsync(coordinator, 9, "E5 C3", "black's stone on white's screen sits on a dark bubble", "white's on a light one");

        // White's page: black's card, and black's message in the other player's (dark) bubble at 12 px.
        var black = await host.NewPlayerAsync(dark: true);
        try
        {
            await black.OpenAsync($"/game/{keys.White}");
            await Expect(black.Page.Locator(".igo-dark")).ToHaveCountAsync(1);
            await Expect(black.Page.Locator("li.msg")).ToHaveCountAsync(2);

            // Every black stone icon (the player card's, the chat's at 12 px): its rim, in screen pixels, and its colours.
            var icons = await black.Page.EvaluateAsync<string[][]>("""
                () => [...document.querySelectorAll('.stone-icon .black')].map(stone => {
                    const svg = stone.ownerSVGElement;
                    let element = svg.parentElement;
                    let background = getComputedStyle(element).backgroundColor;
                    while (background === 'transparent' || background === 'rgba(0, 0, 0, 0)') {
                        element = element.parentElement;
                        background = getComputedStyle(element).backgroundColor;
                    }
                    const rim = parseFloat(getComputedStyle(stone).strokeWidth) * svg.getBoundingClientRect().width / 20;
                    return [getComputedStyle(stone).stroke, getComputedStyle(stone).fill, background, String(rim)];
                })
                """);

            Assert.True(icons.Length >= 2, $"{icons.Length} black stone icons");
            foreach (var (stroke, fill, background, rim) in icons.Select(icon => (icon[0], icon[1], icon[2], double.Parse(icon[3], CultureInfo.InvariantCulture))))
            {
                // The stone stands out by its fill (on a light bubble), or else by a rim wide and bright enough.
                var byFill = Contrast(Rgb(fill), Rgb(background));
                var byRim = Contrast(Rgb(stroke), Rgb(background));
                Assert.True(byFill >= 3 || (byRim >= 3 && rim >= 1), $"A black stone {fill} with a {rim:0.00} px rim {stroke} on {background}: {byFill:0.00}:1 by its fill, {byRim:0.00}:1 by its rim");
            }
        }
        finally
        {
            await black.Page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_new_game_forms_single_choices_are_radios_and_offer_the_last_games_choices_again()
    {
        var player = await host.NewPlayerAsync();
        try
        {
            await player.OpenHomeAsync();
            foreach (var field in new[] { "opponent", "colour", "size", "rules" })
            {
                await Expect(player.Page.Locator($"[data-field={field}]")).ToHaveAttributeAsync("role", "radiogroup");
                await Expect(player.Page.Locator($"[data-field={field}] [role=checkbox]")).ToHaveCountAsync(0);
                await Expect(player.Page.Locator($"[data-field={field}] [role=radio][aria-checked=true]")).ToHaveCountAsync(1);
            }

            await player.CreateGameAsync("13×13", "White");
            await player.OpenHomeAsync();

            await Expect(player.Page.GetByRole(Microsoft.Playwright.AriaRole.Radio, new() { Name = "13×13" })).ToHaveAttributeAsync("aria-checked", "true");
            await Expect(player.Page.GetByRole(Microsoft.Playwright.AriaRole.Radio, new() { Name = "White" })).ToHaveAttributeAsync("aria-checked", "true");
            await Expect(player.Page.GetByRole(Microsoft.Playwright.AriaRole.Radio, new() { Name = "9×9" })).ToHaveAttributeAsync("aria-checked", "false");
        }
        finally
        {
            await player.Page.Context.CloseAsync();
        }
    }

    private static (double R, double G, double B) Rgb(string css)
    {
        var parts = Channels().Matches(css).Select(match => double.Parse(match.Value, CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], parts[1], parts[2]);
    }

    // WCAG's contrast ratio of two colours.
    private static double Contrast((double R, double G, double B) a, (double R, double G, double B) b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance((double R, double G, double B) colour)
    {
        static double Linear(double channel)
        {
            var c = channel / 255;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Linear(colour.R)) + (0.7152 * Linear(colour.G)) + (0.0722 * Linear(colour.B));
    }

    [GeneratedRegex(@"[\d.]+")]
    private static partial Regex Channels();
}
