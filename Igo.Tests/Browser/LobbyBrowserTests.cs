using System.Text.RegularExpressions;
using Igo.Tests.Compat;
using Igo.Tests.Data;
using Igo.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

/// <summary>
/// The lobby in the browser, with two instances on one PostgreSQL database: a challenge posted on one instance shows
/// on pages of both; two visitors, one on each instance, take it at the same moment and exactly one gets the seat
/// while the other is told at once; the creator's page moves to the new game.
/// </summary>
[Collection("Browser")]
[Trait("Category", "Browser")]
public sealed partial class LobbyBrowserTests(BrowserHost host) : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Lobby = new()
    {
        ["Igo:Lobby:ChallengeGrace"] = "00:00:06",
        ["Igo:Lobby:KeepAliveInterval"] = "00:00:02",
        ["Igo:Lobby:SweepInterval"] = "00:00:01",
    };

    private string connectionString = string.Empty;

    private AppOnRealPort First { get; set; } = null!;

    private AppOnRealPort Second { get; set; } = null!;

    public async ValueTask InitializeAsync()
    {
        connectionString = await TestPostgres.CreateDatabaseAsync("lobby");

        // The first applies the migrations before the second starts. A short grace, so that a page gone without a
        // word leaves the lobby within seconds.
        First = PostgresCompatApp.StartInstance(connectionString, Lobby);
        Second = PostgresCompatApp.StartInstance(connectionString, Lobby);
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(connectionString);
    }

    [Fact]
    public async Task Two_visitors_on_two_instances_take_one_challenge_at_once_and_exactly_one_gets_the_seat()
    {
        var creator = await OpenOnAsync(First);
        var takerHere = await OpenOnAsync(First);
        var takerThere = await OpenOnAsync(Second);
        try
        {
            await creator.OpenHomeAsync();
            await creator.Page.Locator("[data-field=size] .mud-toggle-item", new() { HasText = "13×13" }).ClickAsync();
            await creator.Page.Locator("[data-field=colour] .mud-toggle-item", new() { HasText = "White" }).ClickAsync();
            await creator.Page.Locator("[data-action=post-challenge]").ClickAsync();
            await Expect(creator.Page.Locator("[data-my-challenge]")).ToBeVisibleAsync();

            var takes = new List<ILocator>();
            foreach (var taker in new[] { takerHere, takerThere })
            {
                await taker.OpenHomeAsync();
                var take = taker.Page.GetByRole(AriaRole.Button, new() { Name = "Take White's 13×13 challenge: you play black" });
                await Expect(take).ToBeVisibleAsync();
                takes.Add(take);
            }

            await Task.WhenAll(takes.Select(take => take.ClickAsync()));

            var outcomes = await Task.WhenAll(new[] { takerHere, takerThere }.Select(OutcomeAsync));
            Assert.Equal(1, outcomes.Count(o => o == "seat"));
            Assert.Equal(1, outcomes.Count(o => o == "told"));
            var winner = outcomes[0] == "seat" ? takerHere : takerThere;
            var loser = winner == takerHere ? takerThere : takerHere;
            await Expect(loser.Page.Locator("[data-take-notice]")).ToContainTextAsync("Someone else took this challenge just now");

            // The creator's page moves to the game, and both play it: the taker is Black and moves first.
            await Expect(creator.Page).ToHaveURLAsync(GamePath());
            await creator.WaitForBoardAsync();
            await winner.PlayAsync("D4", "black");
            await creator.ExpectStoneAsync("D4", "black");
            await creator.PlayAsync("K10", "white");
            await winner.ExpectStoneAsync("K10", "white");

            // The challenge has left the lobby everywhere, and the game is there to watch.
            await Expect(loser.Page.Locator("[data-challenge]")).ToHaveCountAsync(0);
            await Expect(loser.Page.Locator("[data-live-game]")).ToHaveCountAsync(1);

            // A new visitor's home page, with the loser's own challenge posted and the game in play: the README's picture.
            await loser.Page.Locator("[data-action=post-challenge]").ClickAsync();
            var visitor = await OpenOnAsync(Second);
            await visitor.OpenHomeAsync();
            await Expect(visitor.Page.Locator("[data-challenge]")).ToHaveCountAsync(1);
            await Expect(visitor.Page.Locator("[data-live-game]")).ToHaveCountAsync(1);
            await visitor.Page.Locator(".lobby").ScrollIntoViewIfNeededAsync();
            await visitor.Page.ScreenshotAsync(new() { Path = Screenshots.PathOf("lobby.png") });
            await visitor.Page.Context.CloseAsync();

            // At 390 px the lobby keeps to the screen: no sideways scrolling, the take button within reach.
            var phone = await OpenOnAsync(Second, width: 390, height: 844);
            await phone.OpenHomeAsync();
            var phoneTake = phone.Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Take Black's 19×19 challenge") });
            await Expect(phoneTake).ToBeVisibleAsync();
            Assert.False(await phone.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "The home page scrolls sideways at 390 px.");
            var box = await phoneTake.BoundingBoxAsync();
            Assert.True(box is { } b && b.X >= 0 && b.X + b.Width <= 390, $"The take button lies at {box?.X}+{box?.Width} of 390 px.");
            await phone.Page.Context.CloseAsync();
        }
        finally
        {
            foreach (var page in new[] { creator, takerHere, takerThere })
            {
                await page.Page.Context.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task A_challenge_whose_creator_left_disappears_from_every_page()
    {
        var creator = await OpenOnAsync(First);
        var visitor = await OpenOnAsync(Second);
        try
        {
            await creator.OpenHomeAsync();
            await creator.Page.Locator("[data-action=post-challenge]").ClickAsync();
            await visitor.OpenHomeAsync();
            await Expect(visitor.Page.Locator("[data-challenge]")).ToHaveCountAsync(1);

            // Closing the tab drops the circuit's connection: the challenge is withdrawn when the circuit ends, or no longer
            // kept alive and swept after the grace, whichever comes first.
            await creator.Page.Context.CloseAsync();

            await Expect(visitor.Page.Locator("[data-challenge]")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
            await Expect(visitor.Page.Locator("[data-no-challenges]")).ToBeVisibleAsync();
        }
        finally
        {
            await visitor.Page.Context.CloseAsync();
        }
    }

    /// <summary>Where a taker's click led: "seat" (the game page) or "told" (the lost-race notice).</summary>
    private static async Task<string> OutcomeAsync(PlayerPage taker)
    {
        var seat = taker.Page.Locator("[role=gridcell]").First;
        var told = taker.Page.Locator("[data-take-notice]");
        await Expect(seat.Or(told)).ToBeVisibleAsync();
        return await told.IsVisibleAsync() ? "told" : "seat";
    }

    private async Task<PlayerPage> OpenOnAsync(AppOnRealPort app, int width = 1280, int height = 900)
    {
        var context = await host.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            DeviceScaleFactor = 1,
            ColorScheme = ColorScheme.Light,
        });
        await context.AddInitScriptAsync("window.localStorage.setItem('igo.dark-theme', 'false');window.localStorage.setItem('igo.confirm-taps', 'false');");
        context.SetDefaultTimeout(60_000);
        return new PlayerPage(await context.NewPageAsync());
    }

    [GeneratedRegex("/game/[0-9A-Za-z]{10}$")]
    private static partial Regex GamePath();
}
