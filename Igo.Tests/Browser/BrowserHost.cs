using Igo.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Igo.Tests.Browser;

/// <summary>
/// The app on a real Kestrel port with its embedded store in a fresh temporary file, and Debian's Chromium driven by
/// Playwright, whose driver comes in its NuGet package: no browser is downloaded (docs/DEVELOPMENT.md). Shared by the browser tests, which run one at a time.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "igo-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;

    public AppOnRealPort App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>
    /// How long a test waits for a finished game's engine review. The review runs under <c>SCHED_IDLE</c>
    /// (Igo.Computer's LinuxIdleScheduling), so it gets no CPU while the rest of the suite keeps both cores of a CI
    /// machine busy, which has lasted over a minute; the default wait of a minute then fails a review that was only waiting.
    /// </summary>
    public const float EngineReviewTimeoutMs = 240_000;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        App = AppOnRealPort.Start(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = string.Empty,
            ["ConnectionStrings:Igo"] = string.Empty,
            ["Igo:Data:SqlitePath"] = Path.Combine(directory, "igo.db"),
            ["Logging:LogLevel:Default"] = "Warning",

            // Every game these tests finish gets an engine review: quick, cheap ones, so that the review's graph comes
            // within a second or two and costs the other tests little CPU.
            ["Igo:Review:Engine"] = "playouts",
            ["Igo:Review:Playouts"] = "40",
            ["Igo:Review:PollInterval"] = "00:00:01",
        });
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Assertions.SetDefaultExpectTimeout(60_000);
    }

    /// <summary>A fresh browser profile (its own local storage), as a second person on another machine would have.</summary>
    /// <param name="app">Another app than the shared one (a test class with settings of its own); null: <see cref="App"/>.</param>
    public async Task<PlayerPage> NewPlayerAsync(bool dark = false, int width = 1280, int height = 860, bool touch = false, bool confirmTaps = false, AppOnRealPort? app = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = (app ?? App).BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            DeviceScaleFactor = 1,
            HasTouch = touch,
            IsMobile = touch,
            ColorScheme = ColorScheme.Light,
        });
        await context.AddInitScriptAsync($"window.localStorage.setItem('igo.dark-theme', '{(dark ? "true" : "false")}');" +
                                         $"window.localStorage.setItem('igo.confirm-taps', '{(confirmTaps ? "true" : "false")}');");
        context.SetDefaultTimeout(60_000);
        return new PlayerPage(await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; it is only a temporary directory.
        }
    }
}

[CollectionDefinition("Browser")]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserHost>;
