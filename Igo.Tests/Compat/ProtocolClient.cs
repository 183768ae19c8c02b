using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Igo.Tests.Compat;

/// <summary>One message as the server sent it: its type and its data, and the raw text for assertions on the wire format.</summary>
public sealed record Received(string MessageType, JsonElement Data, string Raw);

/// <summary>
/// A real WebSocket client of the compatibility endpoint, as the igo-frontend is: sends JSON text frames and keeps
/// reading in the background (so pings are answered), queueing each message for the test to take in order.
/// </summary>
public sealed class ProtocolClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long "nothing more arrives" is watched for.</summary>
    public static readonly TimeSpan QuietWindow = TimeSpan.FromMilliseconds(300);

    private readonly Channel<Received> messages = Channel.CreateUnbounded<Received>();
    private readonly TaskCompletionSource<WebSocketCloseStatus?> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stop = new();

    private ProtocolClient(ClientWebSocket socket)
    {
        Socket = socket;
        _ = ReadAsync();
    }

    public ClientWebSocket Socket { get; }

    /// <summary>How the server closed the socket (null when it was aborted); completes when the socket ends.</summary>
    public Task<WebSocketCloseStatus?> Closed => closed.Task;

    public static async Task<ProtocolClient> ConnectAsync(Uri uri, string? origin = null, Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        configure?.Invoke(socket.Options);

        await socket.ConnectAsync(uri, TestContext.Current.CancellationToken);
        return new ProtocolClient(socket);
    }

    public Task SendAsync(string json) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, TestContext.Current.CancellationToken);

    public Task SendAsync(object message) => SendAsync(JsonSerializer.Serialize(message));

    public Task SendBinaryAsync(byte[] bytes) =>
        Socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, TestContext.Current.CancellationToken);

    /// <summary>The next message, whatever it is; fails when none arrives in time.</summary>
    public async Task<Received> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        wait.CancelAfter(timeout ?? DefaultTimeout);
        try
        {
            return await messages.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No message arrived within {timeout ?? DefaultTimeout}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The socket closed before another message arrived");
        }
    }

    /// <summary>The next message, which must be of this type; returns its data.</summary>
    public async Task<JsonElement> ExpectAsync(string messageType)
    {
        var message = await ReceiveAsync();
        Assert.True(message.MessageType == messageType, $"Expected {messageType}, got {message.Raw}");
        return message.Data;
    }

    /// <summary>The next message, which must be an error; returns its text.</summary>
    public async Task<string> ExpectErrorAsync() => (await ExpectAsync("error")).GetProperty("errorMessage").GetString()!;

    /// <summary>Asserts that no message arrives within a short window.</summary>
    public async Task ExpectNothingAsync(TimeSpan? window = null)
    {
        await Task.Delay(window ?? QuietWindow, TestContext.Current.CancellationToken);
        Assert.False(messages.Reader.TryRead(out var extra), $"Expected no further message, got {extra?.Raw}");
    }

    /// <summary>Skips messages until one of this type arrives, and returns its data.</summary>
    public async Task<JsonElement> WaitForAsync(string messageType, Func<JsonElement, bool>? matches = null)
    {
        while (true)
        {
            var message = await ReceiveAsync();
            if (message.MessageType == messageType && (matches is null || matches(message.Data)))
            {
                return message.Data;
            }
        }
    }

    public async Task CloseAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CloseAsync();
        }
        catch (WebSocketException)
        {
            // Already broken: nothing to close.
        }

        await stop.CancelAsync();
        Socket.Dispose();
        stop.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await Socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    closed.TrySetResult(result.CloseStatus);
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var raw = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                using var document = JsonDocument.Parse(raw);
                var root = document.RootElement;
                messages.Writer.TryWrite(new Received(root.GetProperty("messageType").GetString()!, root.GetProperty("data").Clone(), raw));
            }
        }
        catch (Exception ended) when (ended is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            closed.TrySetResult(null);
        }
        finally
        {
            messages.Writer.TryComplete();
        }
    }
}
