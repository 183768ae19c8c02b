using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

/// <summary>
/// A timed game in two browsers: a 9×9 game with 10 s of absolute time, made through the form's custom fields, where
/// White stops moving. Both pages mark White's clock out of time as the flag falls (the browser's own countdown) and
/// show the result once the server has timed the game out; the clocks they show keep to the server's all game. Both figures are measured in the pages (their clock is the server's: one machine) and
/// written to the test output; docs/BENCHMARKS.md ("Timed games") keeps them.
/// </summary>
[Collection("Browser")]
[Trait("Category", "Browser")]
public sealed class TimedGameBrowserTests(BrowserHost host)
{
    // Records in the page every change of a running clock's text, with the anchor it was shown from, and the moment
    // the result appears. Date.now() is the server's clock here: the app runs on this machine.
    private const string Recorder =
        """
        () => {
            window.clockLog = [];
            window.resultAt = null;
            window.outAt = null;
            new MutationObserver(() => {
                const now = Date.now();
                for (const digits of document.querySelectorAll(".card-clock .clock-digits[data-tick-running]")) {
                    const text = digits.textContent;
                    if (digits.lastLogged !== text) {
                        digits.lastLogged = text;
                        window.clockLog.push({ t: now, text, clock: digits.closest("[data-clock]").dataset.clock, ms: Number(digits.dataset.tickMs), at: Number(digits.dataset.tickAt) });
                    }
                }

                if (window.outAt === null && document.querySelector(".card-clock[data-out=true]")) {
                    window.outAt = now;
                }

                if (window.resultAt === null && document.querySelector("[data-result]")) {
                    window.resultAt = now;
                }
            }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        }
        """;

    [Fact]
    public async Task A_player_who_stops_moving_loses_on_time_and_both_pages_show_it()
    {
        var black = await host.NewPlayerAsync();
        var white = await host.NewPlayerAsync(dark: true, width: 390, height: 844);
        try
        {
            await black.OpenHomeAsync();
            await black.Page.Locator("[data-field=size] .mud-toggle-item", new() { HasText = "9×9" }).ClickAsync();
            await black.Page.Locator("[data-preset=Custom]").ClickAsync();
            await black.Page.Locator("[data-system=Absolute]").ClickAsync();
            await black.Page.Locator("[data-time-field=main]").FillAsync("0:10");
            await black.Page.Locator("[data-time-field=main]").PressAsync("Tab");
            await Expect(black.Page.Locator("[data-time-summary]")).ToHaveTextAsync("Each player: 10 s sudden death.");
            await black.Page.Locator("[data-action=create]").ClickAsync();
            await black.WaitForBoardAsync();
            await white.OpenAsync(await black.Page.Locator("#invite-link").InputValueAsync());
            await Expect(black.Page.Locator("[data-time-control]")).ToHaveTextAsync("10 s sudden death");
            await black.Page.EvaluateAsync(Recorder);
            await white.Page.EvaluateAsync(Recorder);

            // The first moves are free; then each side moves when its clock shows 0:08, and White stops.
            await black.PlayAsync("C3", "black");
            await white.PlayAsync("G7", "white");
            await MoveAtAsync(black, "black", "E5");
            await MoveAtAsync(white, "white", "C7");
            await MoveAtAsync(black, "black", "G3");
            var deadline = await DeadlineAsync(black.Page, "white");

            await Expect(black.Result).ToContainTextAsync("Black wins on time: White ran out of time.", new() { Timeout = 30_000 });
            await Expect(white.Result).ToContainTextAsync("Black wins on time: White ran out of time.", new() { Timeout = 30_000 });
            await Expect(black.Page.Locator("[data-clock=white]")).ToHaveAttributeAsync("data-out", "true");

            var outAfterFlag = new[] { await ShownAtAsync(black.Page, "outAt") - deadline, await ShownAtAsync(white.Page, "outAt") - deadline };
            var shownAfterFlag = new[] { await ShownAtAsync(black.Page, "resultAt") - deadline, await ShownAtAsync(white.Page, "resultAt") - deadline };
            var lags = (await ClockErrorsAsync(black.Page)).Concat(await ClockErrorsAsync(white.Page)).Order().ToList();
            var p99 = lags[(int)Math.Ceiling(0.99 * lags.Count) - 1];
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"After the flag: out of time shown {outAfterFlag[0]} ms (black page), {outAfterFlag[1]} ms (white page); result shown {shownAfterFlag[0]} ms, {shownAfterFlag[1]} ms. Clock shown vs server: {lags.Count} changes, min {lags[0]} ms, median {lags[lags.Count / 2]} ms, p99 {p99} ms, max {lags[^1]} ms late (negative: early)."));

            // Each page's countdown says "Out of time" within a second of the flag; the result follows once the server
            // has timed the game out: one lag allowance (500 ms) after the flag, on its next sweep (every 250 ms), so
            // 0.5 to 0.75 s plus a render; the bound leaves a loaded test machine a fifth of a second over the second.
            Assert.All(outAfterFlag, lag => Assert.InRange(lag, -1_000, 1_000));
            Assert.All(shownAfterFlag, lag => Assert.InRange(lag, 500, 1_200));
            // A displayed clock is never a tick (1 s) away from the server's, either way (the page's estimate of the
            // server's clock, ServerClockSync, is good to half a round trip).
            Assert.True(lags.Count >= 20, $"only {lags.Count} clock changes seen");
            Assert.InRange(lags[0], -1_000, 1_000);
            Assert.InRange(lags[^1], -1_000, 1_000);
        }
        finally
        {
            await black.Page.Context.CloseAsync();
            await white.Page.Context.CloseAsync();
        }
    }

    private static async Task MoveAtAsync(PlayerPage player, string colour, string label)
    {
        await Expect(player.Page.Locator($"[data-clock={colour}] .clock-digits")).ToHaveTextAsync("0:08", new() { Timeout = 15_000 });
        await player.PlayAsync(label, colour);
    }

    /// <summary>When <paramref name="colour"/>'s running clock falls to zero, on the server's clock (Unix ms).</summary>
    private static async Task<long> DeadlineAsync(IPage page, string colour)
    {
        var digits = page.Locator($"[data-clock={colour}] .clock-digits[data-tick-running]");
        await Expect(digits).ToHaveCountAsync(1);
        return long.Parse(await digits.GetAttributeAsync("data-tick-at") ?? "0", CultureInfo.InvariantCulture)
            + long.Parse(await digits.GetAttributeAsync("data-tick-ms") ?? "0", CultureInfo.InvariantCulture);
    }

    /// <summary>When the page first showed what the recorder watches for (window.outAt, window.resultAt), in Unix ms.</summary>
    private static async Task<long> ShownAtAsync(IPage page, string moment) => (long)await page.EvaluateAsync<double>($"() => window.{moment}");

    /// <summary>
    /// How far each text a running clock showed was from the server's clock, in ms (positive: late, negative: early).
    /// A tick (the same anchor, one second less) should appear the moment exactly that many seconds are left: its error
    /// is how long after (or before) that it did. A text from a new anchor (a render after a move) is an error only for
    /// the time it is outside the second it names.
    /// </summary>
    private static async Task<IReadOnlyList<long>> ClockErrorsAsync(IPage page)
    {
        var log = await page.EvaluateAsync<JsonElement>("() => window.clockLog");
        var errors = new List<long>();
        var anchors = new Dictionary<string, (long At, long Ms)>();
        foreach (var change in log.EnumerateArray())
        {
            var parts = change.GetProperty("text").GetString()!.Split(':');
            var shownMs = ((int.Parse(parts[0], CultureInfo.InvariantCulture) * 60) + int.Parse(parts[1], CultureInfo.InvariantCulture)) * 1000L;
            var anchor = (At: change.GetProperty("at").GetInt64(), Ms: change.GetProperty("ms").GetInt64());
            var (shownAt, clock) = (change.GetProperty("t").GetInt64(), change.GetProperty("clock").GetString()!);
            var from = anchor.At + anchor.Ms - shownMs;
            var tick = anchors.TryGetValue(clock, out var before) && before == anchor;
            anchors[clock] = anchor;
            errors.Add(tick ? shownAt - from : shownAt < from ? shownAt - from : shownAt >= from + 1000 ? shownAt - (from + 1000) : 0);
        }

        return errors;
    }
}
