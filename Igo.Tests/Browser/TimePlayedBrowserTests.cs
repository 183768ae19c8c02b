using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

[Collection("Browser")]
[Trait("Category", "Browser")]
public sealed class TimePlayedBrowserTests(BrowserHost host)
{
    private const string Timer = ".time-played [role=timer]";

    // Blazor Server sends each render of a circuit as one "JS.RenderBatch" invocation over its socket (blazorpack:
    // MessagePack, so the method's name is in the frame's bytes as UTF-8).
    private static readonly byte[] RenderBatch = Encoding.UTF8.GetBytes("JS.RenderBatch");

    [Fact]
    public async Task The_time_played_ticks_in_the_browser_with_no_render_from_the_server()
    {
        var black = await host.NewPlayerAsync();
        var renders = 0;
        black.Page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            if (frame.Binary is { } bytes && bytes.AsSpan().IndexOf(RenderBatch) >= 0)
            {
                Interlocked.Increment(ref renders);
            }
        };
        try
        {
            await black.CreateGameAsync();
            await Expect(black.Page.Locator(Timer)).ToBeVisibleAsync();

            // The page's opening renders (presence, the first position's follow-ups) may trail the first paint; a
            // periodic render would never let the count settle for a second and a half.
            var rendersAtFirst = await SettledAsync(() => Volatile.Read(ref renders));
            var first = await ReadAsync(black.Page);

            // Three seconds on, the text and what a screen reader is told have moved on, and the server drew nothing.
            var later = await WaitForAtLeastAsync(black.Page, first.Seconds + 3);
            Assert.Equal($"Time played: {later.Text}", later.Label);
            Assert.Equal(rendersAtFirst, Volatile.Read(ref renders));

            // A move is rendered by the server, and the clock goes on from the reading it brings.
            await black.PlayAsync("E5", "black");
            Assert.True(Volatile.Read(ref renders) > rendersAtFirst);
            var afterMove = await ReadAsync(black.Page);
            Assert.True(afterMove.Seconds >= later.Seconds, $"{afterMove.Text} after the move, {later.Text} before");
            await WaitForAtLeastAsync(black.Page, afterMove.Seconds + 2);
        }
        finally
        {
            await black.Page.Context.CloseAsync();
        }
    }

    /// <summary>Waits until the count has not moved for a second and a half (at most ten seconds), and returns it.</summary>
    private static async Task<int> SettledAsync(Func<int> count)
    {
        var quietFor = TimeSpan.FromMilliseconds(1500);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var last = count();
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow - since < quietFor)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The server kept rendering while the game was idle ({last} renders)");
            await Task.Delay(100);
            var now = count();
            if (now != last)
            {
                (last, since) = (now, DateTime.UtcNow);
            }
        }

        return last;
    }

    private static async Task<Reading> ReadAsync(IPage page)
    {
        var shown = await page.EvalOnSelectorAsync<string[]>(Timer, "e => [e.textContent, e.getAttribute('aria-label')]");
        var parts = shown[0].Split(':');
        var seconds = (int.Parse(parts[0], CultureInfo.InvariantCulture) * 60) + int.Parse(parts[1], CultureInfo.InvariantCulture);
        return new Reading(shown[0], shown[1], seconds);
    }

    /// <summary>Waits in the page (checked every 100 ms, so no second shown is missed) until the clock shows at least this many seconds.</summary>
    private static async Task<Reading> WaitForAtLeastAsync(IPage page, int seconds)
    {
        await page.WaitForFunctionAsync(
            """
            ([selector, seconds]) => {
                const [minutes, rest] = (document.querySelector(selector)?.textContent ?? "0:00").split(":").map(Number);
                return minutes * 60 + rest >= seconds;
            }
            """,
            new object[] { Timer, seconds },
            new() { PollingInterval = 100, Timeout = 30_000 });
        return await ReadAsync(page);
    }

    private sealed record Reading(string Text, string Label, int Seconds);
}
