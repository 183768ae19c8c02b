using Igo.Computer;
using Igo.Data.Stores;
using Igo.Domain;
using Igo.Tests.Infrastructure;
using Igo.Web.Computer;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

/// <summary>
/// The end of a game as players meet it, on an app of its own with the engine's dead-stone suggestion on: against GNU
/// Go, from the human's pass to the result in at most three clicks; between two people, the suggestion on both screens
/// and corrected by either. Saves the scoring phase's and the finished game's screenshots (desktop and phone).
/// </summary>
[Collection("Browser")]
[Trait("Category", "Browser")]
public sealed class EndgameBrowserTests(BrowserHost host) : IAsyncLifetime
{
    private readonly GatedLauncher gate = new();
    private AppOnRealPort app = null!;

    private IGameCoordinator Coordinator => app.Services.GetRequiredService<IGameCoordinator>();

    public ValueTask InitializeAsync()
    {
        app = AppOnRealPort.Start(
            new Dictionary<string, string?>
            {
                [AppOnRealPort.SuggestDeadStonesSetting] = "true",
                ["Logging:LogLevel:Default"] = "Warning",
            },
            services =>
            {
                // Computer players start only once the test has set the position up (the game's log is scripted).
                services.RemoveAll<IComputerPlayerLauncher>();
                services.AddSingleton<IComputerPlayerLauncher>(provider => gate.Around(provider.GetRequiredService<ComputerPlayerHost>()));
            });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Against_GNU_Go_the_game_ends_from_the_humans_pass_to_the_result_in_at_most_three_clicks()
    {
        Assert.True(app.Services.GetRequiredService<ComputerPlayerCatalog>().GnuGoAvailable, "GNU Go is not installed (scripts/test-services.sh installs it).");
        var blackKey = await ScriptedAgainstComputerAsync("gnugo-5");
        gate.Open();
        var player = await NewPlayerAsync(width: 1440, height: 960);
        var clicks = 0;
        async Task ClickAsync(ILocator target)
        {
            await target.ClickAsync();
            clicks++;
        }

        try
        {
            await player.OpenAsync($"/game/{blackKey}");
            var whiteCard = player.Page.Locator(".player-card", new() { HasText = "White" });
            await Expect(whiteCard.Locator(".presence")).ToHaveTextAsync("computer");

            await ClickAsync(player.Page.Locator("[data-action=pass]"));

            // GNU Go passes too; the engine's marking starts the scoring phase (white's D6-D5 chain dead) and GNU Go accepts it.
            await Expect(player.Page.Locator("[data-scoring-panel]")).ToBeVisibleAsync(new() { Timeout = 120_000 });
            await Expect(player.Cell("D5")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("marked dead"), new() { Timeout = 120_000 });
            await Expect(player.Cell("D6")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("marked dead"));
            await Expect(player.Page.Locator("[data-acceptance]")).ToContainTextAsync("White accepted", new() { Timeout = 120_000 });
            await player.ScreenshotAsync(Screenshots.PathOf("scoring-desktop.png"));

            await ClickAsync(player.Page.Locator("[data-action=accept-count]"));

            await Expect(player.Result).ToBeVisibleAsync();
            Assert.InRange(clicks, 1, 3);
            Assert.Equal(2, clicks);

            // The way on, and the engine named on its card after the game (it has stopped).
            await Expect(player.Page.Locator("[data-after-game] [data-action=new-game]")).ToBeVisibleAsync();
            await Expect(player.Page.Locator("[data-after-game] [data-action=download-sgf]")).ToBeVisibleAsync();
            await Expect(whiteCard.Locator("[data-computer]")).ToHaveTextAsync("GNU Go, level 5");
            await Expect(whiteCard.Locator(".presence")).ToHaveTextAsync("computer");
            await Expect(player.Cell("D5")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("marked dead"));
            await player.ScreenshotAsync(Screenshots.PathOf("scoring-final.png"));

            var download = await player.Page.RunAndWaitForDownloadAsync(() => player.Page.Locator("[data-after-game] [data-action=download-sgf]").ClickAsync());
            var sgf = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
            Assert.Contains("PW[GNU Go, level 5]", sgf, StringComparison.Ordinal);
            Assert.Contains("PB[Black]", sgf, StringComparison.Ordinal);
        }
        finally
        {
            await player.Page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Between_two_people_both_see_the_engines_marking_and_either_corrects_it_on_a_phone_too()
    {
        var keys = await ScriptedGames.PlayAsync(Coordinator, 9, ScriptedGames.Whole9);
        var black = await NewPlayerAsync(width: 390, height: 844, touch: true);
        var white = await NewPlayerAsync(width: 1280, height: 860);
        try
        {
            await black.OpenAsync($"/game/{keys.Black}");
            await white.OpenAsync($"/game/{keys.White}");

            // The engine's suggestion is the starting marking on both screens, with its count.
            foreach (var player in new[] { black, white })
            {
                await Expect(player.Cell("D5")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("marked dead"), new() { Timeout = 120_000 });
                await Expect(player.Page.Locator("[data-margin]")).ToContainTextAsync("leads by");
            }

            await black.ScreenshotAsync(Screenshots.PathOf("scoring-phone.png"));

            // White disagrees, then agrees again: either player corrects the shared marking.
            await white.Cell("D5").ClickAsync();
            await Expect(black.Cell("D5")).Not.ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("marked dead"));
            await black.Cell("D5").TapAsync();
            await Expect(white.Cell("D6")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("marked dead"));

            await white.ClickActionAsync("accept-count");
            await Expect(black.Page.Locator("[data-acceptance]")).ToContainTextAsync("White accepted");
            await black.Page.Locator("[data-action=accept-count]").TapAsync();

            await Expect(black.Result).ToBeVisibleAsync();
            await Expect(black.Page.Locator("[data-after-game] [data-action=new-game]")).ToBeVisibleAsync();
            var overflow = await black.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(overflow, "The finished game scrolls sideways at 390 px.");
            await black.ScreenshotAsync(Screenshots.PathOf("scoring-final-phone.png"));
        }
        finally
        {
            await black.Page.Context.CloseAsync();
            await white.Page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// A 9x9 game against the computer player <paramref name="computer"/>, its moves (<see cref="ScriptedGames.Whole9"/>
    /// up to the passes) played through the coordinator with the computer's key held by the test; black to pass.
    /// </summary>
    private async Task<string> ScriptedAgainstComputerAsync(string computer)
    {
        var black = (await Coordinator.CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Computer, computer), Holder(ConnectionKind.Circuit))).Seat!;
        var secret = (await app.Services.GetRequiredService<GameStore>().FindKeyAsync(black.Keys.White, CancellationToken.None))!.ComputerSecret;
        var white = (await Coordinator.JoinGameAsync(black.Keys.White, secret, Holder(ConnectionKind.Computer))).Seat!;
        try
        {
            var turn = black;
            foreach (var move in ScriptedGames.Whole9.Split(' ').Where(move => move != "PASS"))
            {
                var reply = await turn.ActAsync(ActionType.PlaceStone, Point.FromLabel(move, 9));
                Assert.True(reply.Success, $"{move}: {reply}");
                turn = turn == black ? white : black;
            }

            return black.Key;
        }
        finally
        {
            await black.DisposeAsync();
            await white.DisposeAsync();
        }
    }

    private Task<PlayerPage> NewPlayerAsync(int width, int height, bool touch = false) => host.NewPlayerAsync(width: width, height: height, touch: touch, app: app);

    private static SeatHolder Holder(ConnectionKind kind) => new(kind, "script-" + Guid.NewGuid().ToString("N"));

    /// <summary>Hands launches to the app's computer player host once opened; drops them before.</summary>
    private sealed class GatedLauncher : IComputerPlayerLauncher
    {
        private ComputerPlayerHost? inner;
        private volatile bool open;

        public GatedLauncher Around(ComputerPlayerHost host)
        {
            inner = host;
            return this;
        }

        public void Open() => open = true;

        public void Launch(ComputerSeatRequest request)
        {
            if (open)
            {
                inner?.Launch(request);
            }
        }
    }
}
