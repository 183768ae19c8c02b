using Igo.Tests.Components;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

/// <summary>
/// The moments nobody should miss (issue 15): the opponent's pass, a chat line out of sight, a point the rules refuse,
/// the invite before the opponent ever came, and a reload that is not news. Screenshots of each go to docs/screenshots.
/// </summary>
[Collection("Browser")]
[Trait("Category", "Browser")]
public sealed class MomentsBrowserTests(BrowserHost host)
{
    private IGameCoordinator Coordinator => host.App.Services.GetRequiredService<IGameCoordinator>();

    [Fact]
    public async Task The_opponents_pass_shows_in_the_banner_and_is_announced()
    {
        var black = await host.NewPlayerAsync(width: 1280, height: 860);
        var white = await host.NewPlayerAsync(width: 390, height: 844, touch: true);
        try
        {
            var invite = await black.CreateGameAsync();
            await white.OpenAsync(invite);
            await black.PlayAsync("C3", "black");
            await white.PlayAsync("D4", "white");

            await black.ClickActionAsync("pass");
            await Expect(white.Page.Locator("[data-status]")).ToHaveTextAsync("Black passed. Your move.");
            await Expect(white.Page.Locator("[data-status].passed")).ToBeVisibleAsync();
            await Expect(white.LiveRegion).ToHaveTextAsync("Black passed");
            await Expect(black.Page.Locator("[data-status]")).ToHaveTextAsync("You passed. Waiting for White to move.");
            await white.ScreenshotAsync(Screenshots.PathOf("pass-banner-phone.png"));

            await white.PlayAsync("E5", "white");
            await Expect(black.Page.Locator("[data-status]")).ToHaveTextAsync("Your move.");
            await black.PlayAsync("F6", "black");
            await white.ClickActionAsync("pass");
            await Expect(black.Page.Locator("[data-status]")).ToHaveTextAsync("White passed. Your move.");
            await Expect(black.LiveRegion).ToHaveTextAsync("White passed");
            await black.Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("pass-banner-desktop.png") });
        }
        finally
        {
            await black.Page.Context.CloseAsync();
            await white.Page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_chat_line_out_of_sight_shows_a_notice_and_counts_in_the_hidden_tabs_title()
    {
        var phone = await host.NewPlayerAsync(width: 390, height: 844, touch: true);
        var desk = await host.NewPlayerAsync(width: 1280, height: 860);
        try
        {
            var invite = await phone.CreateGameAsync();
            await desk.OpenAsync(invite);
            await Expect(phone.Page.Locator("[data-chat-notice]")).ToHaveCountAsync(0);

            // On the phone the chat is far below the board: the line shows as a notice by the board.
            await desk.SayAsync("Hello from the desk!");
            var notice = phone.Page.Locator("[data-chat-notice]");
            await Expect(notice).ToHaveAttributeAsync("data-chat-notice", "1");
            await Expect(notice).ToBeInViewportAsync();
            await desk.SayAsync("Ready when you are.");
            await Expect(notice).ToHaveTextAsync("2 new messages from White");
            await phone.Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("chat-notice-phone.png") });

            // A click brings the chat into view, ready for an answer, and clears the notice.
            await notice.ClickAsync();
            await Expect(phone.Page.Locator("section.chat")).ToBeInViewportAsync(new() { Ratio = 0.25f });
            await Expect(notice).ToHaveCountAsync(0);
            await Expect(phone.Page.Locator("#chat-input")).ToBeFocusedAsync();

            // The tab hidden: its title counts the lines, and is restored when the player comes back.
            await phone.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
            var title = await phone.Page.TitleAsync();
            await SetVisibilityAsync(phone.Page, hidden: true);
            await desk.SayAsync("Still there?");
            await Expect(phone.Page).ToHaveTitleAsync("(1) New message · Igo");
            await desk.SayAsync("Your move!");
            await Expect(phone.Page).ToHaveTitleAsync("(2) New messages · Igo");
            await SetVisibilityAsync(phone.Page, hidden: false);
            await Expect(phone.Page).ToHaveTitleAsync(title);

            // On a short desk screen the chat is below the fold of the side column: the notice floats over the page.
            await desk.Page.SetViewportSizeAsync(1280, 640);
            await desk.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await Expect(desk.Page.Locator("section.chat")).Not.ToBeInViewportAsync(new() { Ratio = 0.25f });
            await phone.SayAsync("Yes, one moment.");
            var deskNotice = desk.Page.Locator("[data-chat-notice]");
            await Expect(deskNotice).ToHaveAttributeAsync("data-chat-notice", "1");
            await Expect(deskNotice).ToBeInViewportAsync();
            await desk.Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("chat-notice-desktop.png") });
        }
        finally
        {
            await phone.Page.Context.CloseAsync();
            await desk.Page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_refused_point_says_why_and_the_ko_is_marked()
    {
        var desktopGame = await ScriptedGames.PlayAsync(Coordinator, 9, PlayedViews.KoAtE5);
        var phoneGame = await ScriptedGames.PlayAsync(Coordinator, 9, PlayedViews.KoAtE5);
        var desk = await host.NewPlayerAsync(width: 1280, height: 860);
        var phone = await host.NewPlayerAsync(width: 390, height: 844, touch: true);
        try
        {
            await desk.OpenAsync($"/game/{desktopGame.Black}");
            await Expect(desk.Cell("E5")).ToHaveAttributeAsync("aria-label", "E5, empty, ko, can't be retaken at once");
            await Expect(desk.Cell("E5").Locator(".ko-mark")).ToHaveCountAsync(1);

            var reason = desk.Page.Locator("[data-board-refusal]");
            await desk.Cell("A1").ClickAsync();
            await Expect(reason).ToHaveTextAsync("Suicide: that stone would have no liberties.");
            await Expect(desk.LiveRegion).ToHaveTextAsync("Suicide: that stone would have no liberties.");
            await desk.Cell("D5").ClickAsync();
            await Expect(reason).ToHaveTextAsync("Occupied: there is already a stone there.");
            await desk.Cell("E5").ClickAsync();
            await Expect(reason).ToHaveTextAsync("Ko: you can't retake at once. Play elsewhere first.");
            await Expect(reason).ToBeInViewportAsync();
            await Expect(desk.LiveRegion).ToHaveTextAsync("Ko: you can't retake at once. Play elsewhere first.");
            await desk.ExpectEmptyAsync("E5");
            await desk.Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("ko-refusal-desktop.png") });

            // Playing elsewhere ends the ban: the reason goes, and the mark with it.
            await desk.PlayAsync("H2", "black");
            await Expect(reason).ToHaveCountAsync(0);
            await Expect(desk.Cell("E5").Locator(".ko-mark")).ToHaveCountAsync(0);

            await phone.OpenAsync($"/game/{phoneGame.Black}");
            await phone.Cell("E5").TapAsync();
            await Expect(phone.Page.Locator("[data-board-refusal]")).ToHaveTextAsync("Ko: you can't retake at once. Play elsewhere first.");
            await phone.Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("ko-refusal-phone.png") });
        }
        finally
        {
            await desk.Page.Context.CloseAsync();
            await phone.Page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_invite_stays_in_view_until_the_opponent_first_comes()
    {
        var black = await host.NewPlayerAsync(width: 1280, height: 900);
        var white = await host.NewPlayerAsync();
        try
        {
            var invite = await black.CreateGameAsync();
            await black.PlayAsync("E5", "black");

            await Expect(black.Page.Locator("#invite-title")).ToHaveTextAsync("Invite your opponent");
            await Expect(black.Page.Locator("#invite-link")).ToBeInViewportAsync();
            var away = black.Page.Locator("[data-opponent-away]");
            await Expect(away).ToContainTextAsync("They have not opened the game yet");
            await Expect(away).Not.ToContainTextAsync("come back");

            await white.OpenAsync(invite);
            await Expect(away).ToHaveCountAsync(0);
            await Expect(black.Page.Locator("#invite-title")).ToHaveTextAsync("Links to this game");
        }
        finally
        {
            await black.Page.Context.CloseAsync();
            await white.Page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_reload_is_not_news_but_leaving_is_after_the_grace()
    {
        var black = await host.NewPlayerAsync();
        var white = await host.NewPlayerAsync();
        try
        {
            var invite = await black.CreateGameAsync();
            await white.OpenAsync(invite);
            await Expect(black.Page.Locator("[data-opponent-away]")).ToHaveCountAsync(0);

            // Everything black's live region says, in order.
            await black.Page.EvaluateAsync("""
                () => {
                    window.heard = [];
                    const region = document.querySelector("[data-live-region]");
                    new MutationObserver(() => window.heard.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
                }
                """);

            await black.PlayAsync("C3", "black");
            await Expect(black.LiveRegion).ToHaveTextAsync("Black C3");
            await white.ReloadAsync();
            await white.PlayAsync("E5", "white");
            await Expect(black.LiveRegion).ToHaveTextAsync("White E5");

            // Gone for good: said once the grace is over, and only then.
            await white.Page.CloseAsync();
            await Expect(black.LiveRegion).ToHaveTextAsync("White left the game.");
            await Expect(black.Page.Locator("[data-opponent-away]")).ToContainTextAsync("They can come back with their link");
            var heard = await black.Page.EvaluateAsync<string[]>("() => window.heard");
            Assert.Equal(["Black C3", "White E5", "White left the game."], heard.Where(text => text.Length > 0).Distinct());
        }
        finally
        {
            await black.Page.Context.CloseAsync();
            await white.Page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task On_a_phone_the_zoomed_19x19_board_puts_the_stone_where_the_finger_lands()
    {
        var keys = await ScriptedGames.PlayAsync(Coordinator, 19, ScriptedGames.Opening19);
        var phone = await host.NewPlayerAsync(width: 390, height: 844, touch: true);
        try
        {
            await phone.OpenAsync($"/game/{keys.Black}");
            var before = await phone.Cell("K10").BoundingBoxAsync();
            Assert.InRange(before!.Width, 14, 22);

            await phone.Page.Locator("[data-action=zoom]").TapAsync();
            await Expect(phone.Page.Locator("[data-zoomed=true]")).ToHaveCountAsync(1);
            var target = phone.Cell("L11");
            await target.ScrollIntoViewIfNeededAsync();
            var zoomed = await target.BoundingBoxAsync();
            Assert.InRange(zoomed!.Width, 32, 44);

            await phone.Page.Touchscreen.TapAsync(zoomed.X + (zoomed.Width / 2), zoomed.Y + (zoomed.Height / 2));
            await phone.ExpectStoneAsync("L11", "black");
            var overflow = await phone.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(overflow, "The zoomed board makes the page scroll sideways.");
            await phone.Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("touch-zoom-phone.png") });
        }
        finally
        {
            await phone.Page.Context.CloseAsync();
        }
    }

    // Headless pages are never hidden: the test hides one the way the browser would tell the page.
    private static async Task SetVisibilityAsync(IPage page, bool hidden) => await page.EvaluateAsync("""
        (hidden) => {
            Object.defineProperty(document, "visibilityState", { value: hidden ? "hidden" : "visible", configurable: true });
            Object.defineProperty(document, "hidden", { value: hidden, configurable: true });
            document.dispatchEvent(new Event("visibilitychange"));
        }
        """, hidden);
}
