using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Igo.Testing.Games;
using Igo.Testing.Sockets;
using Igo.Testing.Waiting;
using Igo.Tests.Infrastructure;
using Igo.Tests.Operations;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Igo.Tests.Compat;

/// <summary>
/// A client that sends ahead of its answers through a real socket (docs/COMPATIBILITY.md, "Flow control"): it is slowed
/// (its socket is not read while its messages wait), dropped only when it floods past the pending bound, and the
/// server keeps serving everyone else. Joins are held at a gate (the in-memory coordinator's scripted answer), so that
/// the flooder's messages pile up on purpose.
/// </summary>
[Trait("Category", "Compat")]
public sealed class FlowControlTests
{
    private const string SlowedLine = "sends ahead of its answers faster than allowed";
    private const string DroppedLine = "messages waiting for an answer, sent more, and was disconnected";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_flooding_client_is_slowed_while_its_messages_wait_and_keeps_its_connection()
    {
        var joins = new GatedJoins();
        var logs = new CapturedLogs();

        // No refill during the test: beyond its burst, the flooder is read only as its messages are answered.
        await using var app = Start(joins, logs, burst: 3, interval: "1.00:00:00", maxPending: 64);
        using var flooder = new ClientWebSocket();
        await flooder.ConnectAsync(app.WebSocketUri(), Cancel);
        var flooding = FloodAsync(flooder, 300);

        // One join in hand at the gate, three behind it, and the receive loop stops: the rest is left in TCP's buffers.
        await Eventually.HoldsAsync(() => logs.Lines.Any(l => l.Text.Contains(SlowedLine, StringComparison.Ordinal)), Cancel);
        await Eventually.HoldsAsync(() => joins.Calls == 1, Cancel);
        Assert.Equal(WebSocketState.Open, flooder.State);
        await AssertServesOthersAsync(app);

        joins.Open();
        await flooding.WaitAsync(ProtocolClient.DefaultTimeout, Cancel);
        for (var i = 0; i < 300; i++)
        {
            var answer = await ReceiveAsync(flooder);
            Assert.Equal("join_game_response", answer.GetProperty("messageType").GetString());
        }

        Assert.Equal(300, joins.Calls);
        Assert.Equal(WebSocketState.Open, flooder.State);
        Assert.DoesNotContain(logs.Lines, l => l.Text.Contains(DroppedLine, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_that_floods_past_the_pending_bound_is_dropped_after_being_slowed_and_others_play_on()
    {
        var joins = new GatedJoins();
        var logs = new CapturedLogs();

        // Four messages at once (one in hand, three ahead), then one more every 200 ms up to six pending: the seventh
        // floods past the bound.
        await using var app = Start(joins, logs, burst: 3, interval: "00:00:00.200", maxPending: 6);
        using var flooder = new ClientWebSocket();
        await flooder.ConnectAsync(app.WebSocketUri(), Cancel);
        _ = FloodAsync(flooder, 300);

        var error = await ReceiveAsync(flooder);
        Assert.Equal("error", error.GetProperty("messageType").GetString());
        Assert.Equal(
            "Too many messages waiting for an answer (more than 6); closing the connection",
            error.GetProperty("data").GetProperty("errorMessage").GetString());
        var close = await flooder.ReceiveAsync(new byte[1024], Cancel);
        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);

        var flow = logs.Lines.Select(l => l.Text).Where(t => t.Contains(SlowedLine, StringComparison.Ordinal) || t.Contains(DroppedLine, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, flow.Count);
        Assert.Contains(SlowedLine, flow[0], StringComparison.Ordinal);
        Assert.Contains("had 6 messages waiting", flow[1], StringComparison.Ordinal);
        Assert.Equal(1, joins.Calls);

        joins.Open();
        await AssertServesOthersAsync(app);
    }

    private static AppOnRealPort Start(GatedJoins joins, CapturedLogs logs, int burst, string interval, int maxPending) =>
        InMemoryCoordinatorApp.Start(
            joins.Coordinator,
            new Dictionary<string, string?>
            {
                ["Compat:SendAheadBurst"] = burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Compat:SendAheadInterval"] = interval,
                ["Compat:MaxPendingInbound"] = maxPending.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            services => services.AddLogging(logging => logging.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Debug)));

    /// <summary>Sends join messages as fast as the socket takes them, reading nothing.</summary>
    private static async Task FloodAsync(ClientWebSocket socket, int count)
    {
        var frame = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Wire.Join("0000000001")));
        try
        {
            for (var i = 0; i < count; i++)
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, Cancel);
            }
        }
        catch (WebSocketException)
        {
            // Dropped by the server part-way: what the second test expects.
        }
    }

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(ProtocolClient.DefaultTimeout);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
            }
        }
    }

    private static async Task AssertServesOthersAsync(AppOnRealPort app)
    {
        await using var player = await ProtocolClient.ConnectAsync(app.WebSocketUri(), Cancel);
        var key = (await ProtocolSuite.CreateAsync(player, "black", 9)).Key("black");
        await player.SendAsync(Wire.Place(key, 4, 4));
        Assert.True((await player.ExpectAsync("game_action_response")).Flag("success"));
    }

    /// <summary>
    /// The in-memory coordinator with every join held until <see cref="Open"/>, then answered "not found" (the flooder's
    /// key matches no game); <see cref="Calls"/> counts the joins that reached it.
    /// </summary>
    private sealed class GatedJoins
    {
        private readonly TaskCompletionSource<SeatOutcome> open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public GatedJoins() => Coordinator.AnswerJoin = _ => open.Task;

        public InMemoryCoordinator Coordinator { get; } = new();

        public int Calls => Coordinator.Joins.Count;

        public void Open() => open.TrySetResult(SeatOutcome.Refused(SeatFailure.NotFound));
    }
}
