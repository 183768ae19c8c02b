using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Igo.Testing.Sockets;

namespace Igo.Tests.Faults;

/// <summary>What one game_action came to: success, a refusal (preempted, rule), an error message, or no answer (socket lost).</summary>
public sealed record ActOutcome(bool Success, string? Explanation, bool ConnectionLost);

/// <summary>
/// A player that behaves like the igo-frontend after a drop (docs/PROTOCOL.md §1.4): while not connected it tries again every
/// 2 s (going to the next instance, as a load balancer would when one is gone), and on every open it sends
/// join_game with its key. Unlike the frontend it also retries a join the server refuses because the old socket still
/// holds the key (a person would click Join again). It keeps the last board it was shown.
/// </summary>
public sealed class FrontendLikeClient : IAsyncDisposable
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    private readonly Uri[] instances;
    private int instance;
    private ProtocolClient? socket;

    private FrontendLikeClient(Uri[] instances, int first)
    {
        this.instances = instances;
        instance = first;
    }

    public string Key { get; private set; } = string.Empty;

    public string Color { get; private set; } = string.Empty;

    public string OpponentKey { get; private set; } = string.Empty;

    /// <summary>The board of the last game_status, one string per row ('.', 'b', 'w').</summary>
    public string Board { get; private set; } = string.Empty;

    public JsonElement LastStatus { get; private set; }

    public Uri Instance => instances[instance];

    /// <summary>The start of the last game_status (status, turn, result), for failure messages.</summary>
    public string Shown => LastStatus.ValueKind == JsonValueKind.Object
        ? $"status {LastStatus.GetProperty("status")}, turn {LastStatus.GetProperty("turn")}, result {LastStatus.GetProperty("result").GetRawText()}, pending {LastStatus.GetProperty("pendingRequest").GetRawText()}"
        : "nothing";

    /// <summary>How many times it came back after losing its socket.</summary>
    public int Reconnects { get; private set; }

    /// <summary>Creates a human-vs-human 19x19 game on the first instance given and plays black.</summary>
    public static async Task<FrontendLikeClient> CreateGameAsync(Uri[] instances, int first)
    {
        var client = new FrontendLikeClient(instances, first);
        client.socket = await ProtocolClient.ConnectAsync(client.Instance, TestContext.Current.CancellationToken);
        await client.socket.SendAsync(new { type = "new_game", vs = "human", color = "black", size = 19, komi = 6.5 });
        var response = await client.socket.ExpectAsync("new_game_response");
        client.TakeKeys(response);
        await client.WaitForStatusAsync(_ => true);
        return client;
    }

    /// <summary>Joins with a key on the given instance.</summary>
    public static async Task<FrontendLikeClient> JoinAsync(Uri[] instances, int first, string key)
    {
        var client = new FrontendLikeClient(instances, first) { Key = key };
        client.socket = await ProtocolClient.ConnectAsync(client.Instance, TestContext.Current.CancellationToken);
        Assert.True(await client.TryJoinAsync(), $"join {key} failed");
        return client;
    }

    public bool IsConnected => socket is { Closed.IsCompleted: false };

    /// <summary>
    /// Comes back after a drop, as the frontend does: every 2 s a connection attempt (to the next instance when one
    /// fails), then join_game with its key. Returns how long it took.
    /// </summary>
    public async Task<TimeSpan> ReconnectAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        Reconnects++;
        while (clock.Elapsed < timeout)
        {
            if (socket is not null)
            {
                await socket.DisposeAsync();
                socket = null;
            }

            try
            {
                socket = await ProtocolClient.ConnectAsync(Instance, TestContext.Current.CancellationToken);
                if (await TryJoinAsync())
                {
                    return clock.Elapsed;
                }
            }
            catch (System.Net.WebSockets.WebSocketException)
            {
                instance = (instance + 1) % instances.Length;
            }
            catch (InvalidOperationException)
            {
                // The socket died while joining.
            }

            await Task.Delay(RetryInterval, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"{Color} ({Key}) could not rejoin within {timeout}");
    }

    /// <summary>Sends one game action and waits for its answer, noting the game_status messages on the way.</summary>
    public async Task<ActOutcome> ActAsync(string actionType, int? row = null, int? col = null)
    {
        object message = row is null
            ? new { type = "game_action", key = Key, action_type = actionType }
            : new { type = "game_action", key = Key, action_type = actionType, coords = new[] { row.Value, col!.Value } };
        try
        {
            await socket!.SendAsync(message);
            while (true)
            {
                var received = await socket.ReceiveAsync();
                switch (received.MessageType)
                {
                    case "game_status":
                        Note(received.Data);
                        break;
                    case "game_action_response":
                        var success = received.Data.GetProperty("success").GetBoolean();
                        return new ActOutcome(success, received.Data.GetProperty("explanation").GetString(), false);
                    case "error":
                        return new ActOutcome(false, received.Data.GetProperty("errorMessage").GetString(), false);
                    default:
                        break;
                }
            }
        }
        catch (Exception lost) when (lost is InvalidOperationException or System.Net.WebSockets.WebSocketException or TimeoutException)
        {
            return new ActOutcome(false, null, true);
        }
    }

    /// <summary>Sends a game action without waiting (for races); pair with <see cref="AnswerAsync"/>.</summary>
    public Task SendActionAsync(string actionType) => socket!.SendAsync(new { type = "game_action", key = Key, action_type = actionType });

    /// <summary>The answer to an action sent with <see cref="SendActionAsync"/>.</summary>
    public async Task<ActOutcome> AnswerAsync()
    {
        while (true)
        {
            var received = await socket!.ReceiveAsync();
            switch (received.MessageType)
            {
                case "game_status":
                    Note(received.Data);
                    break;
                case "game_action_response":
                    return new ActOutcome(received.Data.GetProperty("success").GetBoolean(), received.Data.GetProperty("explanation").GetString(), false);
                case "error":
                    return new ActOutcome(false, received.Data.GetProperty("errorMessage").GetString(), false);
                default:
                    break;
            }
        }
    }

    /// <summary>Reads until a game_status satisfying the condition arrives (or the current one already does).</summary>
    public async Task WaitForStatusAsync(Func<JsonElement, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? ProtocolClient.DefaultTimeout);
        if (LastStatus.ValueKind == JsonValueKind.Object && condition(LastStatus))
        {
            return;
        }

        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"{Color} did not see the expected game_status; last board:\n{Board}");
            }

            Received received;
            try
            {
                received = await socket!.ReceiveAsync(left);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"{Color} did not see the expected game_status; last shown: {Shown}");
            }

            if (received.MessageType == "game_status")
            {
                Note(received.Data);
                if (condition(received.Data))
                {
                    return;
                }
            }
        }
    }

    /// <summary>Waits until the board shown has a stone of this colour ('b' or 'w') at the point.</summary>
    public Task WaitForStoneAsync(int row, int col, char stone, TimeSpan? timeout = null) =>
        WaitForStatusAsync(status => StoneAt(status, row, col) == stone, timeout);

    public static char StoneAt(JsonElement status, int row, int col) =>
        status.GetProperty("board").GetProperty("points")[row][col][0].GetString() is { Length: 1 } s ? s[0] : '.';

    public async ValueTask DisposeAsync()
    {
        if (socket is not null)
        {
            await socket.DisposeAsync();
        }
    }

    /// <summary>The board as rows of '.', 'b', 'w'.</summary>
    public static string BoardText(JsonElement status)
    {
        var text = new StringBuilder();
        foreach (var row in status.GetProperty("board").GetProperty("points").EnumerateArray())
        {
            foreach (var point in row.EnumerateArray())
            {
                text.Append(point[0].GetString() is { Length: 1 } s ? s[0] : '.');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private async Task<bool> TryJoinAsync()
    {
        await socket!.SendAsync(new { type = "join_game", key = Key });
        while (true)
        {
            var received = await socket.ReceiveAsync();
            if (received.MessageType != "join_game_response")
            {
                continue;
            }

            if (!received.Data.GetProperty("success").GetBoolean())
            {
                return false;
            }

            TakeKeys(received.Data);
            await WaitForStatusAsync(_ => true, TimeSpan.FromSeconds(10));
            return true;
        }
    }

    private void TakeKeys(JsonElement response)
    {
        Assert.True(response.GetProperty("success").GetBoolean(), response.GetRawText());
        Color = response.GetProperty("yourColor").GetString()!;
        var keys = response.GetProperty("keys");
        Key = keys.GetProperty(Color).GetString()!;
        OpponentKey = keys.GetProperty(Color == "black" ? "white" : "black").GetString()!;
        LastStatus = default;
    }

    private void Note(JsonElement status)
    {
        LastStatus = status;
        Board = BoardText(status);
    }
}
