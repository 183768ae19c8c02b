using Microsoft.Playwright;

namespace Igo.Bench.Blazor;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (its driver comes in the NuGet package; no browser is downloaded).
/// Background pages are not throttled: every page of a benchmark counts as a person looking at it.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly IPlaywright playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser, IBrowserContext context)
    {
        this.playwright = playwright;
        Browser = browser;
        Context = context;
    }

    public IBrowser Browser { get; }

    public IBrowserContext Context { get; }

    /// <summary>Launches the browser; every page has the given viewport (the board scales to it).</summary>
    public static async Task<HeadlessChromium> LaunchAsync(Uri baseAddress, int width = 1280, int height = 860)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows",
            ],
        });
        var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = width, Height = height } });
        context.SetDefaultTimeout(120_000);
        return new HeadlessChromium(playwright, browser, context);
    }

    /// <summary>Opens a page at the path and waits until it is interactive (and, for a game, until its board is drawn).</summary>
    public async Task<IPage> OpenAsync(string path)
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync(path);
        // The home page says when it is interactive; a game page draws its board only once its circuit holds the key, a
        // watch page once its circuit follows the game.
        var ready = path.StartsWith("/game/", StringComparison.Ordinal) || path.StartsWith("/watch/", StringComparison.Ordinal)
            ? Assertions.Expect(page.Locator("[role=gridcell]").First).ToBeAttachedAsync(new() { Timeout = 120_000 })
            : Assertions.Expect(page.Locator("#render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 120_000 });
        await ready;

        return page;
    }

    /// <summary>Opens the pages, a few at a time (opening is CPU-heavy for the app and the browser on two cores).</summary>
    public async Task<List<IPage>> OpenAllAsync(IEnumerable<string> paths, int atOnce = 4)
    {
        var pages = new List<IPage>();
        foreach (var batch in paths.Chunk(atOnce))
        {
            pages.AddRange(await Task.WhenAll(batch.Select(OpenAsync)));
        }

        return pages;
    }

    /// <summary>This benchmark's Chromium processes (Linux /proc): descendants of this process (through Playwright's driver) named chromium.</summary>
    public static IReadOnlyList<int> ProcessIds()
    {
        var parents = new Dictionary<int, (int Parent, string Name)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Stat(pid) is { } stat)
            {
                parents[pid] = stat;
            }
        }

        bool Mine(int pid)
        {
            for (var at = pid; parents.TryGetValue(at, out var entry) && at > 1; at = entry.Parent)
            {
                if (entry.Parent == Environment.ProcessId)
                {
                    return true;
                }
            }

            return false;
        }

        return [.. parents.Where(p => p.Value.Name.StartsWith("chromium", StringComparison.Ordinal) && Mine(p.Key)).Select(p => p.Key)];
    }

    private static (int Parent, string Name)? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            return (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), stat[(open + 1)..close]);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
