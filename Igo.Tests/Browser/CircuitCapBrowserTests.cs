using Igo.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

/// <summary>
/// Blazor circuits per client address, in Chromium: tabs over <c>Security:MaxCircuitsPerAddress</c> get no circuit and
/// say why, without the reconnecting banner; closing a tab frees a place; another address is not affected. Its own app
/// (a cap of two), so the shared host's tabs do not count.
/// </summary>
[Collection("Browser")]
[Trait("Category", "Browser")]
public sealed class CircuitCapBrowserTests(BrowserHost host)
{
    private const string Refusal = "Too many Igo pages are open from your address (at most 2 at once). Close one, then reload this page.";

    [Fact]
    public async Task A_tab_over_the_cap_says_why_and_connects_once_another_tab_is_closed()
    {
        var directory = Directory.CreateTempSubdirectory("igo-circuits-");
        await using var app = AppOnRealPort.Start(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = string.Empty,
            ["ConnectionStrings:Igo"] = string.Empty,
            ["Igo:Data:SqlitePath"] = Path.Combine(directory.FullName, "igo.db"),
            ["Security:MaxCircuitsPerAddress"] = "2",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var sameAddress = await ContextFromAsync(app, "203.0.113.40");
        var otherAddress = await ContextFromAsync(app, "203.0.113.41");
        try
        {
            var first = await OpenInteractiveAsync(sameAddress);
            await OpenInteractiveAsync(sameAddress);

            var third = await sameAddress.NewPageAsync();
            var loads = 0;
            third.Load += (_, _) => loads++;
            await third.GotoAsync("/");
            var banner = third.Locator("#igo-refused[role=alert]");
            await Expect(banner).ToContainTextAsync(Refusal);
            await Expect(third.Locator("#render-mode")).ToHaveTextAsync("static");
            await Expect(third.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
            await third.ScreenshotAsync(new() { Path = Screenshots.PathOf("circuit-cap-refused.png") });

            // The other address has places of its own.
            await OpenInteractiveAsync(otherAddress);

            // Still the same document: the refusal does not reload the page by itself.
            Assert.Equal(1, loads);
            Assert.Equal(1, await banner.CountAsync());

            // Once the server has seen the closed tab's connection end, the banner's Reload gets a circuit.
            await first.CloseAsync();
            for (var attempt = 1; await ReloadIsRefusedAsync(third); attempt++)
            {
                Assert.True(attempt < 20, "the closed tab's place never came free");
            }

            await Expect(third.Locator("#igo-refused")).ToHaveCountAsync(0);
        }
        finally
        {
            await sameAddress.CloseAsync();
            await otherAddress.CloseAsync();
            directory.Delete(recursive: true);
        }
    }

    /// <summary>A browser profile whose requests, the circuits' socket included, come from this address (through the trusted loopback proxy).</summary>
    private async Task<IBrowserContext> ContextFromAsync(AppOnRealPort app, string address) =>
        await host.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseAddress.ToString(),
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = address },
        });

    /// <summary>Clicks the banner's Reload; true when the reloaded page is refused again.</summary>
    private static async Task<bool> ReloadIsRefusedAsync(IPage page)
    {
        // A mark on the old document, so that only the reloaded one can answer.
        await page.EvaluateAsync("() => { window.igoBeforeReload = true; }");
        await page.Locator("#igo-refused button").ClickAsync();
        await page.WaitForFunctionAsync(
            "() => !window.igoBeforeReload && (document.getElementById('igo-refused') !== null || document.getElementById('render-mode')?.textContent === 'interactive')");
        return await page.Locator("#igo-refused").CountAsync() > 0;
    }

    private static async Task<IPage> OpenInteractiveAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("#render-mode")).ToHaveTextAsync("interactive");
        return page;
    }
}
