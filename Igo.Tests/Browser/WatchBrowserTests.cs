using System.Text;
using System.Text.RegularExpressions;
using Igo.Tests.Compat;
using Igo.Tests.Data;
using Igo.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

/// <summary>
/// Watching in the browser, with two instances on one PostgreSQL database: the players on one, the spectator on the
/// other. The spectator sees each move within a second, cannot act, and is never sent a player key.
/// </summary>
[Collection("Browser")]
[Trait("Category", "Browser")]
public sealed partial class WatchBrowserTests(BrowserHost host) : IAsyncLifetime
{
    private string connectionString = string.Empty;

    private AppOnRealPort Players { get; set; } = null!;

    private AppOnRealPort Spectators { get; set; } = null!;

    public async ValueTask InitializeAsync()
    {
        connectionString = await TestPostgres.CreateDatabaseAsync("watch");

        // The first applies the migrations before the second starts.
        Players = PostgresCompatApp.StartInstance(connectionString);
        Spectators = PostgresCompatApp.StartInstance(connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await Players.DisposeAsync();
        await Spectators.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(connectionString);
    }

    [Fact]
    public async Task A_spectator_on_another_instance_sees_each_move_within_a_second_and_cannot_act()
    {
        var black = await OpenOnAsync(Players);
        var white = await OpenOnAsync(Players);
        var spectator = await OpenOnAsync(Spectators);
        try
        {
            var invite = await black.CreateGameAsync();
            await white.OpenAsync(invite);
            await spectator.OpenAsync(WatchPath(await black.Page.Locator("#watch-link").InputValueAsync()));
            await Expect(spectator.Page.Locator("[data-watching]")).ToBeVisibleAsync();
            await Expect(black.Page.Locator("[data-spectators]")).ToHaveAttributeAsync("data-spectators", "1");
            await black.ScreenshotAsync(Screenshots.PathOf("watch-link-light.png"));

            foreach (var (player, label, colour) in new[] { (black, "C3", "black"), (white, "G7", "white"), (black, "E5", "black") })
            {
                await player.PlayAsync(label, colour);
                await Expect(spectator.Cell(label)).ToHaveAttributeAsync("aria-label", new Regex($"^{label}, {colour} stone"), new() { Timeout = 1_000 });
            }

            await Expect(spectator.Page.Locator("[data-move]")).ToHaveCountAsync(3, new() { Timeout = 1_000 });

            // The spectator tries: a click and Enter on the board, where white is to move. Nothing reaches the game,
            // and the page has no control that could send an action.
            await spectator.Cell("D4").ClickAsync();
            await spectator.Cell("D4").PressAsync("Enter");
            Assert.Equal(0, await spectator.Page.Locator("[data-action=pass], [data-action=resign], [data-action=send], #chat-input").CountAsync());
            await white.PlayAsync("F3", "white");
            await Expect(spectator.Cell("F3")).ToHaveAttributeAsync("aria-label", new Regex("^F3, white stone"), new() { Timeout = 1_000 });
            await white.ExpectEmptyAsync("D4");
            await spectator.ExpectEmptyAsync("D4");

            // The spectators' chat stays with the spectators while the game goes on.
            await spectator.Page.Locator("#spectator-input").FillAsync("What a fight on the left!");
            await spectator.Page.Locator("#spectator-input").PressAsync("Enter");
            await Expect(spectator.Page.Locator("[data-spectator-message-id] .text")).ToHaveTextAsync("What a fight on the left!");
            await Expect(black.Page.GetByText("What a fight on the left!")).ToHaveCountAsync(0);

            await spectator.ScreenshotAsync(Screenshots.PathOf("watch-game-light.png"));

            // The spectator steps back through the moves while the game goes on: a new move lengthens the line and
            // leaves the spectator where they are, and "Back to live" shows it.
            await spectator.ClickActionAsync("review-live");
            await Expect(spectator.Page.Locator("[data-action=back-to-live]")).ToBeFocusedAsync();
            await spectator.Page.Keyboard.PressAsync("ArrowLeft");
            await spectator.Page.Keyboard.PressAsync("ArrowLeft");
            var position = spectator.Page.Locator("[data-review-position] strong");
            await Expect(position).ToHaveTextAsync("Move 2, White G7");
            await black.PlayAsync("D6", "black");
            await Expect(spectator.Page.Locator("[data-live-moves]")).ToHaveAttributeAsync("data-live-moves", "5", new() { Timeout = 1_000 });
            await Expect(spectator.Page.Locator("[data-review-slider]")).ToHaveAttributeAsync("max", "5");
            await Expect(position).ToHaveTextAsync("Move 2, White G7");
            await spectator.ScreenshotAsync(Screenshots.PathOf("watch-review.png"));
            await spectator.ClickActionAsync("back-to-live");
            await spectator.ExpectStoneAsync("D6", "black");
            await Expect(spectator.Page.Locator("[data-action=review-live]")).ToBeFocusedAsync();
        }
        finally
        {
            await black.Page.Context.CloseAsync();
            await white.Page.Context.CloseAsync();
            await spectator.Page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_watch_page_its_circuit_and_what_it_sends_contain_neither_player_key()
    {
        var black = await OpenOnAsync(Players);
        var spectator = await OpenOnAsync(Spectators);
        var blackTraffic = Traffic.Of(black.Page);
        var spectatorTraffic = Traffic.Of(spectator.Page);
        try
        {
            await black.CreateGameAsync();
            var blackKey = await black.Page.Locator("#own-key").InputValueAsync();
            var whiteKey = await black.Page.Locator("#opponent-key").InputValueAsync();
            await black.PlayAsync("C3", "black");
            var watchPath = WatchPath(await black.Page.Locator("#watch-link").InputValueAsync());

            var document = await spectator.Page.GotoAsync(watchPath);
            await spectator.WaitForBoardAsync();
            await Expect(spectator.Cell("C3")).ToHaveAttributeAsync("aria-label", new Regex("^C3, black stone"));
            await spectator.Page.Locator("#spectator-input").FillAsync("hello");
            await spectator.Page.Locator("#spectator-input").PressAsync("Enter");
            await Expect(spectator.Page.Locator("[data-spectator-message-id]")).ToHaveCountAsync(1);

            var seen = new[] { await document!.TextAsync(), await spectator.Page.ContentAsync() }.Concat(spectatorTraffic.Texts()).ToList();
            foreach (var key in new[] { blackKey, whiteKey })
            {
                Assert.DoesNotContain(seen, text => text.Contains(key, StringComparison.Ordinal));
            }

            // The same capture on the player's own page does find the key: the search above can find what it looks for.
            Assert.Contains(blackTraffic.Texts(), text => text.Contains(blackKey, StringComparison.Ordinal));

            // And a link that names no game gets a clear page, not a board.
            await spectator.Page.GotoAsync("/watch/" + Igo.Data.WatchIds.New());
            await Expect(spectator.Page.Locator("[data-watch-not-found]")).ToBeVisibleAsync();
        }
        finally
        {
            await black.Page.Context.CloseAsync();
            await spectator.Page.Context.CloseAsync();
        }
    }

    private static string WatchPath(string watchUrl) => new Uri(watchUrl).AbsolutePath;

    private async Task<PlayerPage> OpenOnAsync(AppOnRealPort app)
    {
        var context = await host.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 900 },
            DeviceScaleFactor = 1,
            ColorScheme = ColorScheme.Light,
        });
        await context.AddInitScriptAsync("window.localStorage.setItem('igo.dark-theme', 'false');window.localStorage.setItem('igo.confirm-taps', 'false');");
        context.SetDefaultTimeout(60_000);
        return new PlayerPage(await context.NewPageAsync());
    }

    /// <summary>
    /// Every WebSocket frame a page sends and receives, as text: a text frame as it is plus every base64 run in it
    /// decoded (Blazor's render batches travel base64-encoded in JSON), a binary frame as UTF-8.
    /// </summary>
    private sealed partial class Traffic
    {
        private readonly List<string> texts = [];

        public static Traffic Of(IPage page)
        {
            var traffic = new Traffic();
            page.WebSocket += (_, socket) =>
            {
                socket.FrameReceived += (_, frame) => traffic.Add(frame);
                socket.FrameSent += (_, frame) => traffic.Add(frame);
            };
            return traffic;
        }

        public IReadOnlyList<string> Texts()
        {
            lock (texts)
            {
                return [.. texts];
            }
        }

        private void Add(IWebSocketFrame frame)
        {
            var found = new List<string>();
            if (frame.Text is { } text)
            {
                found.Add(text);
                foreach (Match run in Base64Run().Matches(text))
                {
                    var bytes = new byte[run.Length];
                    if (Convert.TryFromBase64String(run.Value, bytes, out var written))
                    {
                        found.Add(Encoding.UTF8.GetString(bytes, 0, written));
                    }
                }
            }
            else if (frame.Binary is { } binary)
            {
                found.Add(Encoding.UTF8.GetString(binary));
            }

            lock (texts)
            {
                texts.AddRange(found);
            }
        }

        [GeneratedRegex("[A-Za-z0-9+/]{16,}={0,2}")]
        private static partial Regex Base64Run();
    }
}
