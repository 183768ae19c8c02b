using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Igo.Domain;
using Igo.Web.Games;
using Igo.Web.Lobby;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

/// <summary>
/// An axe-core scan (Deque.AxeCore.Playwright injects it into the page) of the home page, a game in play, a game in its
/// scoring phase and a finished game, in light and dark: any serious or critical violation fails the test, and every
/// violation found is printed with the elements it names.
/// </summary>
[Collection("Browser")]
[Trait("Category", "Browser")]
public sealed class AccessibilityScanTests(BrowserHost host)
{
    private static readonly string[] Failing = ["serious", "critical"];

    private IGameCoordinator Coordinator => host.App.Services.GetRequiredService<IGameCoordinator>();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_home_page_and_a_game_in_play_in_scoring_and_finished_have_no_serious_violation(bool dark)
    {
        var inPlay = await ScriptedGames.PlayAsync(Coordinator, 9, "E5 D4 C3", "hello", "have fun");
        var inScoring = await ScriptedGames.PlayAsync(Coordinator, 9, ScriptedGames.Whole9, "Two passes: shall we count?");
        var black = await host.NewPlayerAsync(dark: dark);
        var white = await host.NewPlayerAsync(dark: dark);
        var found = new List<string>();
        try
        {
            // The lobby with something in it: an open challenge (posted here, kept for the grace) and the games in play.
            var posted = await host.App.Services.GetRequiredService<ILobby>().PostAsync(
                new NewGameRequest(19, Ruleset.Japanese(), Color.White, OpponentKind.Human), new SeatHolder(ConnectionKind.Circuit, "scan-" + Guid.NewGuid().ToString("N")),
                TestContext.Current.CancellationToken);
            Assert.NotNull(posted.Posted);
            await black.OpenHomeAsync();
            await Expect(black.Page.Locator($"[data-challenge='{posted.Posted.Id}']")).ToBeVisibleAsync();
            await Expect(black.Page.Locator("[data-live-game]").First).ToBeVisibleAsync();
            found.AddRange(await ScanAsync(black, "home page with the lobby"));

            await black.OpenAsync($"/game/{inPlay.White}");
            await Expect(black.Page.Locator("li.msg")).ToHaveCountAsync(2);
            found.AddRange(await ScanAsync(black, "game in play"));

            await black.OpenAsync($"/game/{inScoring.Black}");
            await white.OpenAsync($"/game/{inScoring.White}");
            await black.Cell("D5").ClickAsync();
            await Expect(white.Cell("D5")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("marked dead"));
            found.AddRange(await ScanAsync(black, "game in scoring"));

            await white.ClickActionAsync("accept-count");
            await Expect(black.Page.Locator("[data-acceptance]")).ToContainTextAsync("White accepted");
            await black.ClickActionAsync("accept-count");
            await Expect(black.Page.Locator("[data-after-game]")).ToBeVisibleAsync();
            found.AddRange(await ScanAsync(black, "finished game"));
        }
        finally
        {
            await black.Page.Context.CloseAsync();
            await white.Page.Context.CloseAsync();
        }

        Assert.True(found.Count == 0, "Serious or critical accessibility violations:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_watch_page_live_and_reviewing_and_a_review_page_with_its_score_graph_have_no_serious_violation(bool dark)
    {
        var inPlay = await ScriptedGames.PlayAsync(Coordinator, 9, "E5 D4 C3", "hello", "have fun");
        var finished = await ScriptedGames.PlayAsync(Coordinator, 19, ScriptedGames.Opening19, resign: true);
        var spectator = await host.NewPlayerAsync(dark: dark, width: 1440, height: 960);
        var found = new List<string>();
        try
        {
            await spectator.OpenAsync($"/watch/{await WatchIdAsync(inPlay.Black)}");
            await Expect(spectator.Page.Locator("#spectator-input")).ToBeVisibleAsync();
            await Expect(spectator.Page.Locator("[data-move]")).ToHaveCountAsync(3);
            found.AddRange(await ScanAsync(spectator, "watch page"));

            await spectator.ClickActionAsync("review-live");
            await Expect(spectator.Page.Locator("[data-action=back-to-live]")).ToBeFocusedAsync();
            await spectator.Page.Keyboard.PressAsync("ArrowLeft");
            await Expect(spectator.Page.Locator("[data-review-position] strong")).ToHaveTextAsync("Move 2, White D4");
            found.AddRange(await ScanAsync(spectator, "watch page, reviewing"));

            await spectator.OpenAsync($"/review/{finished.Black}");
            await Expect(spectator.Page.Locator("svg.score-graph-svg")).ToBeVisibleAsync(new() { Timeout = BrowserHost.EngineReviewTimeoutMs });
            found.AddRange(await ScanAsync(spectator, "review page"));
        }
        finally
        {
            await spectator.Page.Context.CloseAsync();
        }

        Assert.True(found.Count == 0, "Serious or critical accessibility violations:\n" + string.Join("\n", found));
    }

    private async Task<string> WatchIdAsync(string key)
    {
        var games = host.App.Services.GetRequiredService<Igo.Data.Stores.GameStore>();
        var found = await games.FindKeyAsync(key, TestContext.Current.CancellationToken) ?? throw new InvalidOperationException($"No key {key}");
        var game = await games.LoadGameAsync(found.GameId, TestContext.Current.CancellationToken) ?? throw new InvalidOperationException($"No game {found.GameId}");
        return game.Game.WatchId;
    }

    /// <summary>Scans the page as it is; prints every violation, and answers the serious and critical ones.</summary>
    private static async Task<IReadOnlyList<string>> ScanAsync(PlayerPage player, string what)
    {
        // Colours are judged as they settle: a page that has just turned dark (the theme is read from the browser after
        // the circuit starts) is still fading its buttons' colours for a quarter of a second, and axe would judge the
        // colours halfway through.
        await player.Page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });
        await player.Page.EvaluateAsync("() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
        var result = await player.Page.RunAxe();
        var violations = result.Violations ?? [];
        var lines = violations.Select(violation => Describe(what, violation)).ToList();
        foreach (var line in lines)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }

        return [.. violations.Where(violation => Failing.Contains(violation.Impact)).Select(violation => Describe(what, violation))];
    }

    private static string Describe(string what, AxeResultItem violation) =>
        $"{what}: [{violation.Impact}] {violation.Id}: {violation.Help}\n" +
        string.Join("\n", (violation.Nodes ?? []).Select(node => $"    {node.Target}: {node.Html}"));
}
