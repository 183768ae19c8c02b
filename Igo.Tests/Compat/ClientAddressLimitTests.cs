using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json;
using Igo.Testing.Games;
using Igo.Testing.Sockets;
using Igo.Testing.Waiting;
using Igo.Tests.Infrastructure;
using Igo.Web.Games;
using Igo.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Igo.Tests.Compat;

/// <summary>
/// The limits kept per client address: sockets at once, failed joins, chat lines. The test clients are on loopback,
/// which is the default trusted proxy, so each names the address it stands for in X-Forwarded-For, as nginx would.
/// </summary>
[Trait("Category", "Compat")]
public sealed class ClientAddressLimitTests
{
    private const string Throttled = "Too many failed attempts to join from your address; try again in ";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_address_over_its_connection_cap_is_refused_with_429_before_the_upgrade_and_others_are_not()
    {
        await using var app = Start(new InMemoryCoordinator(), new() { ["Compat:MaxConnectionsPerAddress"] = "2" });
        await using var first = await ConnectAsync(app, "203.0.113.7");
        await using var second = await ConnectAsync(app, "203.0.113.7");

        using var refused = await UpgradeRequestAsync(app, "203.0.113.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Too many connections from your address (at most 2 at once). Close another game's tab and try again", await refused.Content.ReadAsStringAsync(Cancel));

        await using var otherAddress = await ConnectAsync(app, "203.0.113.8");
        Assert.Equal(WebSocketState.Open, otherAddress.Socket.State);

        // A closed socket gives its place back (once the server has seen it close).
        await first.CloseAsync();
        await Eventually.QueriesAsync(
            async () =>
            {
                using var retry = await UpgradeRequestAsync(app, "203.0.113.7");
                return retry.StatusCode;
            },
            status => status == HttpStatusCode.SwitchingProtocols,
            Cancel,
            awaited: "the closed socket's place to be free again");
    }

    [Fact]
    public async Task Failed_joins_are_throttled_per_address_without_asking_the_coordinator_and_successful_ones_cost_nothing()
    {
        var coordinator = new InMemoryCoordinator();
        await using var app = Start(coordinator, new() { ["Security:FailedJoinBurst"] = "3", ["Security:FailedJoinInterval"] = "00:01:00" });
        await using var creator = await ConnectAsync(app, "198.51.100.1");
        await using var guesser = await ConnectAsync(app, "203.0.113.9");

        // Five successful joins, more than the burst: none of them is counted.
        var whiteKeys = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            whiteKeys.Add((await ProtocolSuite.CreateAsync(creator, "black", 9)).Key("white"));
            await guesser.SendAsync(Wire.Join(whiteKeys[^1]));

            // (Skipping the news that the previous game's opponent left.)
            Assert.True((await guesser.WaitForAsync("join_game_response")).Flag("success"));
            await guesser.WaitForAsync("opponent_connected");
            await creator.WaitForAsync("opponent_connected");
        }

        for (var i = 0; i < 3; i++)
        {
            await guesser.SendAsync(Wire.Join("000000000" + i));
            ProtocolSuite.AssertSeatRefused(await guesser.ExpectAsync("join_game_response"), $"A game corresponding to key 000000000{i} was not found. Please double-check and try again");
        }

        var asked = coordinator.Joins.Count;
        await guesser.SendAsync(Wire.Join("0000000009"));
        var refused = await guesser.ExpectAsync("join_game_response");
        AssertThrottled(refused, upToSeconds: 60);

        // Throttled means every join from the address, on any socket, even with a real key: an answer that told a real
        // key from a guess would let the guessing go on. The coordinator is not asked.
        await using var sameAddress = await ConnectAsync(app, "203.0.113.9");
        await sameAddress.SendAsync(Wire.Join(whiteKeys[0]));
        AssertThrottled(await sameAddress.ExpectAsync("join_game_response"), upToSeconds: 60);
        Assert.Equal(asked, coordinator.Joins.Count);

        // The seat it holds is kept and plays on; other addresses are not affected.
        await guesser.SendAsync(Wire.Chat(whiteKeys[^1], "still here"));
        Assert.Equal("still here", (await guesser.WaitForAsync("chat")).GetProperty("thread")[0].Text("message"));
        await using var neighbour = await ConnectAsync(app, "203.0.113.10");
        await neighbour.SendAsync(Wire.Join("0000000009"));
        ProtocolSuite.AssertSeatRefused(await neighbour.ExpectAsync("join_game_response"), "A game corresponding to key 0000000009 was not found. Please double-check and try again");
    }

    [Fact]
    public async Task A_throttled_address_gets_one_more_attempt_per_interval()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = AppOnRealPort.Start(
            new Dictionary<string, string?> { ["Security:FailedJoinBurst"] = "1", ["Security:FailedJoinInterval"] = "00:01:00" },
            services => services.AddSingleton<IGameCoordinator>(new InMemoryCoordinator()).AddSingleton<TimeProvider>(clock));
        await using var guesser = await ConnectAsync(app, "203.0.113.11");
        await guesser.SendAsync(Wire.Join("0000000001"));
        Assert.Contains("was not found", (await guesser.ExpectAsync("join_game_response")).Text("explanation"), StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromSeconds(45));
        await guesser.SendAsync(Wire.Join("0000000002"));
        AssertThrottled(await guesser.ExpectAsync("join_game_response"), upToSeconds: 15);

        clock.Advance(TimeSpan.FromSeconds(15));

        await guesser.SendAsync(Wire.Join("0000000003"));
        Assert.Contains("was not found", (await guesser.ExpectAsync("join_game_response")).Text("explanation"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_over_the_address_rate_is_refused_with_an_explanation_and_not_stored()
    {
        await using var app = Start(new InMemoryCoordinator(), new() { ["Compat:ChatBurst"] = "3", ["Compat:ChatInterval"] = "00:01:00" });
        await using var black = await ConnectAsync(app, "203.0.113.12");
        var created = await ProtocolSuite.CreateAsync(black, "black", 9);
        var key = created.Key("black");
        for (var i = 1; i <= 3; i++)
        {
            await black.SendAsync(Wire.Chat(key, $"line {i}"));
            Assert.Equal($"line {i}", (await black.ExpectAsync("chat")).GetProperty("thread")[0].Text("message"));
        }

        await black.SendAsync(Wire.Chat(key, "line 4"));
        var error = await black.ExpectErrorAsync();
        Assert.StartsWith("You are sending chat messages too fast; this one was not sent. Try again in ", error, StringComparison.Ordinal);
        await black.ExpectNothingAsync();

        // The opponent, from another address, chats freely and finds exactly the three lines stored.
        await using var white = await ConnectAsync(app, "198.51.100.2");
        await white.SendAsync(Wire.Join(created.Key("white")));
        await white.ExpectAsync("join_game_response");
        await white.ExpectAsync("game_status");
        var thread = (await white.ExpectAsync("chat")).GetProperty("thread").EnumerateArray().Select(m => m.Text("message"));
        Assert.Equal(["line 1", "line 2", "line 3"], thread);
        await white.SendAsync(Wire.Chat(created.Key("white"), "hello"));
        Assert.Equal("hello", (await white.WaitForAsync("chat")).GetProperty("thread")[0].Text("message"));
    }

    [Fact]
    public async Task X_forwarded_for_from_a_peer_that_is_not_a_trusted_proxy_is_ignored()
    {
        await using var app = Start(new InMemoryCoordinator(), new()
        {
            ["Compat:MaxConnectionsPerAddress"] = "1",
            ["Security:TrustedProxies"] = "192.0.2.1",
        });
        await using var first = await ConnectAsync(app, "203.0.113.20");

        // Both claim different addresses, but the peer (loopback) is not trusted: both count as 127.0.0.1.
        using var second = await UpgradeRequestAsync(app, "203.0.113.21");
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Theory]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::")]
    [InlineData("::ffff:198.51.100.4", "198.51.100.4")]
    [InlineData("198.51.100.4", "198.51.100.4")]
    public void An_ipv6_client_counts_by_its_64_network_and_a_mapped_ipv4_as_itself(string address, string partition)
    {
        Assert.Equal(IPAddress.Parse(partition), ClientAddress.PartitionOf(IPAddress.Parse(address)));
    }

    [Fact]
    public void A_bad_trusted_proxy_setting_stops_the_app_at_start()
    {
        var failure = Assert.ThrowsAny<Exception>(() => Start(new InMemoryCoordinator(), new() { ["Security:TrustedProxies"] = "10.0.0.1,nginx.local" }));
        Assert.Contains("Security:TrustedProxies", failure.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FailedJoinInterval", "00:00:00")]
    [InlineData("FailedJoinBurst", "0")]
    public void A_failed_join_allowance_that_could_never_refill_stops_the_app_at_start(string setting, string value)
    {
        var failure = Assert.ThrowsAny<Exception>(() => Start(new InMemoryCoordinator(), new() { [$"Security:{setting}"] = value }));
        Assert.Contains(setting, failure.ToString(), StringComparison.Ordinal);
    }

    private static void AssertThrottled(JsonElement response, int upToSeconds)
    {
        Assert.False(response.Flag("success"));
        Assert.Equal(JsonValueKind.Null, response.GetProperty("keys").ValueKind);
        Assert.Equal(JsonValueKind.Null, response.GetProperty("yourColor").ValueKind);
        var explanation = response.Text("explanation");
        Assert.StartsWith(Throttled, explanation, StringComparison.Ordinal);
        var seconds = int.Parse(explanation[Throttled.Length..].Replace(" s", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, upToSeconds);
    }

    private static AppOnRealPort Start(IGameCoordinator coordinator, Dictionary<string, string?> settings) =>
        AppOnRealPort.Start(settings, services => services.AddSingleton(coordinator));

    private static Task<ProtocolClient> ConnectAsync(AppOnRealPort app, string clientAddress) =>
        ProtocolClient.ConnectAsync(app.WebSocketUri(), TestContext.Current.CancellationToken, configure: options => options.SetRequestHeader("X-Forwarded-For", clientAddress));

    /// <summary>A WebSocket upgrade request whose refusal can be read (a ClientWebSocket only reports the status).</summary>
    private static async Task<HttpResponseMessage> UpgradeRequestAsync(AppOnRealPort app, string clientAddress)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/websocket");
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new ProductHeaderValue("websocket"));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Cancel);
    }
}
