using Igo.Testing.Sockets;
using Igo.Tests.Compat;
using Igo.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Igo.Tests.Browser;

/// <summary>
/// Key guessing from a real browser: a live Blazor circuit counts its failed joins against the address it came from,
/// the same allowance the igo-frontend socket uses. Its own app (burst 2, one attempt a minute), so the shared host's
/// allowance for 127.0.0.1 is not spent.
/// </summary>
[Collection("Browser")]
[Trait("Category", "Browser")]
public sealed class JoinThrottleBrowserTests(BrowserHost host)
{
    [Fact]
    public async Task Failed_joins_in_the_browser_throttle_its_address_on_the_socket_too()
    {
        var directory = Directory.CreateTempSubdirectory("igo-throttle-");
        await using var app = AppOnRealPort.Start(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = string.Empty,
            ["ConnectionStrings:Igo"] = string.Empty,
            ["Igo:Data:SqlitePath"] = Path.Combine(directory.FullName, "igo.db"),
            ["Security:FailedJoinBurst"] = "2",
            ["Security:FailedJoinInterval"] = "00:01:00",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var context = await host.Browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
        try
        {
            var page = await context.NewPageAsync();
            foreach (var guess in new[] { "Guess00001", "Guess00002" })
            {
                await page.GotoAsync($"/game/{guess}");
                await Expect(page.Locator("[data-join-failure=NotFound]")).ToContainTextAsync($"No game has the key {guess}");
            }

            await page.GotoAsync("/game/Guess00003");
            await Expect(page.Locator("[data-join-failure=Throttled]")).ToContainTextAsync("Too many failed attempts to join from your address");

            // The circuits counted against 127.0.0.1 itself, not a shared "unknown" allowance: the socket from the same
            // address is refused too.
            await using var socket = await ProtocolClient.ConnectAsync(app.WebSocketUri(), TestContext.Current.CancellationToken);
            await socket.SendAsync(Wire.Join("Guess00004"));
            var refused = await socket.ExpectAsync("join_game_response");
            Assert.False(refused.Flag("success"));
            Assert.StartsWith("Too many failed attempts to join from your address", refused.Text("explanation"), StringComparison.Ordinal);
        }
        finally
        {
            await context.CloseAsync();
            directory.Delete(recursive: true);
        }
    }
}
