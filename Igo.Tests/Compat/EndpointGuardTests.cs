using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Igo.Testing.Games;
using Igo.Testing.Sockets;

namespace Igo.Tests.Compat;

/// <summary>
/// The endpoint's guards, each with its own settings: settings checked at start, origin allow-list, keep-alive, plain
/// HTTP, and that no exception text reaches a client (flow control: FlowControlTests). The coordinator is the fake:
/// these are about the endpoint, not the game.
/// </summary>
[Trait("Category", "Compat")]
public sealed class EndpointGuardTests
{
    [Theory]
    [InlineData("RateLimitBurst", "60")]
    [InlineData("RateLimitPerSecond", "20")]
    public void A_retired_rate_limit_setting_stops_the_app_at_start_instead_of_being_ignored(string setting, string value)
    {
        var failure = Assert.ThrowsAny<Exception>(() => InMemoryCoordinatorApp.Start(new InMemoryCoordinator(), new Dictionary<string, string?> { [$"Compat:{setting}"] = value }));
        Assert.Contains("Compat:SendAheadBurst and Compat:SendAheadInterval", failure.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SendAheadInterval", "00:00:00")]
    [InlineData("MaxPendingInbound", "1")]
    [InlineData("KeepAliveInterval", "-00:00:01")]
    public void A_flow_setting_that_could_never_let_a_message_through_stops_the_app_at_start(string setting, string value)
    {
        var failure = Assert.ThrowsAny<Exception>(() => InMemoryCoordinatorApp.Start(new InMemoryCoordinator(), new Dictionary<string, string?> { [$"Compat:{setting}"] = value }));
        Assert.Contains(setting, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_origin_suffix_only_matching_origins_may_connect()
    {
        await using var app = InMemoryCoordinatorApp.Start(new InMemoryCoordinator(), new Dictionary<string, string?> { ["Compat:OriginSuffix"] = "\\.example\\.com" });

        await using (var allowed = await ProtocolClient.ConnectAsync(app.WebSocketUri(), TestContext.Current.CancellationToken, configure: options => options.SetRequestHeader("Origin", "https://play.example.com:3000")))
        {
            Assert.Equal(WebSocketState.Open, allowed.Socket.State);
        }

        await using (var noOrigin = await ProtocolClient.ConnectAsync(app.WebSocketUri(), TestContext.Current.CancellationToken))
        {
            Assert.Equal(WebSocketState.Open, noOrigin.Socket.State);
        }

        foreach (var origin in new[] { "https://example.com.evil.org", "http://evil.org", "https://examplexcom" })
        {
            using var refused = new ClientWebSocket();
            refused.Options.SetRequestHeader("Origin", origin);
            refused.Options.CollectHttpResponseDetails = true;
            await Assert.ThrowsAsync<WebSocketException>(() => refused.ConnectAsync(app.WebSocketUri(), TestContext.Current.CancellationToken));
            Assert.Equal(HttpStatusCode.Forbidden, refused.HttpStatusCode);
        }
    }

    [Fact]
    public async Task A_plain_http_request_is_refused_with_400_and_a_plain_sentence()
    {
        await using var app = InMemoryCoordinatorApp.Start(new InMemoryCoordinator());
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        var response = await http.GetAsync(new Uri("/websocket", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("This endpoint only accepts WebSocket connections", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task No_exception_text_reaches_the_client()
    {
        var coordinator = new InMemoryCoordinator();
        await using var app = InMemoryCoordinatorApp.Start(coordinator);
        await using var client = await ProtocolClient.ConnectAsync(app.WebSocketUri(), TestContext.Current.CancellationToken);
        var key = (await ProtocolSuite.CreateAsync(client, "black", 9)).Key("black");
        coordinator.ThrowOnAct = new InvalidOperationException("23505: duplicate key value violates unique constraint \"pk_game\" SELECT * FROM game");

        await client.SendAsync(Wire.Place(key, 0, 0));

        var received = await client.ReceiveAsync();
        Assert.Equal("error", received.MessageType);
        Assert.Equal("The game server could not handle that message. Please try again", received.Data.Text("errorMessage"));
        Assert.DoesNotContain("SELECT", received.Raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", received.Raw, StringComparison.Ordinal);
        await client.ExpectNothingAsync();

        coordinator.ThrowOnAct = null;
        await client.SendAsync(Wire.Place(key, 0, 0));
        Assert.True((await client.ExpectAsync("game_action_response")).Flag("success"));
    }

    [Fact]
    public async Task The_server_pings_an_idle_connection()
    {
        await using var app = InMemoryCoordinatorApp.Start(new InMemoryCoordinator(), new Dictionary<string, string?> { ["Compat:KeepAliveInterval"] = "00:00:00.300" });
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, app.BaseAddress.Port, TestContext.Current.CancellationToken);
        var stream = tcp.GetStream();
        var handshake = "GET /websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(handshake), TestContext.Current.CancellationToken);

        var headers = await ReadUntilAsync(stream, "\r\n\r\n"u8.ToArray());
        Assert.StartsWith("HTTP/1.1 101", Encoding.ASCII.GetString(headers), StringComparison.Ordinal);

        // Sending nothing, the client must see a ping frame (FIN + opcode 0x9) within a few intervals.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var frameHeader = new byte[2];
        await stream.ReadExactlyAsync(frameHeader, timeout.Token);
        Assert.Equal(0x89, frameHeader[0]);
    }

    [Fact]
    public async Task A_client_that_stops_answering_pings_is_dropped_and_its_key_freed()
    {
        await using var app = InMemoryCoordinatorApp.Start(new InMemoryCoordinator(), new Dictionary<string, string?>
        {
            ["Compat:KeepAliveInterval"] = "00:00:00.300",
            ["Compat:KeepAliveTimeout"] = "00:00:01",
        });
        await using var black = await ProtocolClient.ConnectAsync(app.WebSocketUri(), TestContext.Current.CancellationToken);
        var created = await ProtocolSuite.CreateAsync(black, "black", 9);

        // A client that never reads never answers pings (a ClientWebSocket answers only while it receives).
        using var silent = new ClientWebSocket();
        silent.Options.KeepAliveInterval = TimeSpan.Zero;
        await silent.ConnectAsync(app.WebSocketUri(), TestContext.Current.CancellationToken);
        await silent.SendAsync(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(Wire.Join(created.Key("white")))), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);
        Assert.True((await black.ExpectAsync("opponent_connected")).Flag("opponentConnected"));

        Assert.False((await black.ExpectAsync("opponent_connected")).Flag("opponentConnected"));
        await using var rejoined = await ProtocolClient.ConnectAsync(app.WebSocketUri(), TestContext.Current.CancellationToken);
        await rejoined.SendAsync(Wire.Join(created.Key("white")));
        Assert.True((await rejoined.ExpectAsync("join_game_response")).Flag("success"));
        Assert.True((await black.ExpectAsync("opponent_connected")).Flag("opponentConnected"));

        // Clients that answer pings stay through two whole rounds of ping and timeout. A real wait: Kestrel's keep-alive
        // pings run on its own clock, which no TimeProvider reaches.
        await black.ExpectNothingAsync(window: 2 * (TimeSpan.FromMilliseconds(300) + TimeSpan.FromSeconds(1)));
        Assert.Equal(WebSocketState.Open, black.Socket.State);
        Assert.Equal(WebSocketState.Open, rejoined.Socket.State);
    }

    private static async Task<byte[]> ReadUntilAsync(NetworkStream stream, byte[] terminator)
    {
        var read = new List<byte>();
        var one = new byte[1];
        while (read.Count < terminator.Length || !read.TakeLast(terminator.Length).SequenceEqual(terminator))
        {
            await stream.ReadExactlyAsync(one, TestContext.Current.CancellationToken);
            read.Add(one[0]);
        }

        return [.. read];
    }
}
