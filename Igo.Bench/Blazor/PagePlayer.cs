using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace Igo.Bench.Blazor;

/// <summary>One move as a page logged it: the point's label and the moment, in Unix milliseconds on the machine's clock (every page of one browser reads the same clock).</summary>
internal sealed record LoggedMove([property: JsonPropertyName("point")] string Point, [property: JsonPropertyName("at")] double At);

/// <summary>Everything a page logged so far: the moves it made and the opponent's moves it showed, each in order.</summary>
internal sealed record PageLog(
    [property: JsonPropertyName("made")] LoggedMove[] Made,
    [property: JsonPropertyName("shown")] LoggedMove[] Shown);

/// <summary>
/// A person at a game page, played by a script inside the page: when the board offers a stone (place mode), it waits a
/// human while (a random think time), then clicks a random open point, as a mouse would; it logs the moment it
/// clicked. It also logs the moment the opponent's move appears on its board (the last-move marker lands on a stone of
/// the opponent's colour), so that a push's latency is the opponent's click to this page's DOM.
/// </summary>
internal sealed class PagePlayer(IPage page)
{
    private const string Script = """
        ({ thinkMinMs, thinkMaxMs }) => {
            const now = () => performance.timeOrigin + performance.now();
            const log = window.igoBench = { made: [], shown: [] };
            let thinking = null;
            let lastShown = null;
            const board = () => document.querySelector(".igo-board");
            const play = () => {
                thinking = null;
                const open = board()?.classList.contains("mode-place") ? board().querySelectorAll(".pt.open") : [];
                if (open.length === 0) {
                    return;
                }

                const point = open[Math.floor(Math.random() * open.length)];
                log.made.push({ point: point.dataset.point, at: now() });
                point.dispatchEvent(new MouseEvent("click", { bubbles: true }));
            };
            const look = () => {
                const marker = board()?.querySelector(".pt .last-move");
                const point = marker?.closest("[data-point]");
                const mine = point?.querySelector(".stone")?.classList.contains(window.igoBenchColour);
                // The opponent never moves twice in a row, so a marker that moves from one of its stones to another
                // can only follow a move of this page's, which takes the marker to a stone of this page's colour.
                const label = point && !mine ? point.dataset.point : null;
                if (label && label !== lastShown) {
                    log.shown.push({ point: label, at: now() });
                }

                lastShown = label;
                if (!thinking && board()?.classList.contains("mode-place")) {
                    thinking = setTimeout(play, thinkMinMs + Math.random() * (thinkMaxMs - thinkMinMs));
                }
            };
            new MutationObserver(look).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
            // A move the server refused leaves the board as it was: look again now and then.
            setInterval(look, 1000);
            look();
        }
        """;

    public IPage Page => page;

    /// <summary>
    /// Starts playing the given colour ("black" or "white"). Unless the page is to be drawn, it is hidden (display:
    /// none): the browser then keeps the DOM up to date, which is what is measured, without laying it out and drawing
    /// it, work that would otherwise take the cores the server needs.
    /// </summary>
    public async Task StartAsync(string colour, TimeSpan thinkMin, TimeSpan thinkMax, bool draw)
    {
        if (!draw)
        {
            await page.AddStyleTagAsync(new() { Content = "body { display: none !important; }" });
        }

        await page.EvaluateAsync("colour => { window.igoBenchColour = colour; }", colour);
        await page.EvaluateAsync(Script, new { thinkMinMs = thinkMin.TotalMilliseconds, thinkMaxMs = thinkMax.TotalMilliseconds });
    }

    public async Task<PageLog> ReadLogAsync() =>
        JsonSerializer.Deserialize<PageLog>(await page.EvaluateAsync<string>("() => JSON.stringify(window.igoBench)"))
        ?? throw new InvalidOperationException("The page has no log");
}
