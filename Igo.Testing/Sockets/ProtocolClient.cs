using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Igo.Testing.Sockets;

/// <summary>
/// A real WebSocket client of the compatibility endpoint, as the igo-frontend is: sends JSON text frames and keeps
/// reading in the background (so pings are answered), queueing each message for the caller to take in order. The tests
/// drive it message by message; the load generators drive thousands at once, so a message costs its text, its type and
/// one small object (its data is parsed only when read).
/// </summary>
public sealed class ProtocolClient : IAsyncDisposable
{
    /// <summary>Reads what it needs from a message's UTF-8 bytes, which it must not keep.</summary>
    public delegate T Utf8Reader<out T>(ReadOnlySpan<byte> utf8);

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long "nothing more arrives" is watched for.</summary>
    public static readonly TimeSpan QuietWindow = TimeSpan.FromMilliseconds(300);

    // A 19x19 game_status is about 7.5 KB: one receive holds it.
    private const int ReceiveBufferBytes = 16 * 1024;

    private readonly Channel<Received> messages = Channel.CreateUnbounded<Received>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly TaskCompletionSource<WebSocketCloseStatus?> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationToken cancellation;
    private readonly TimeSpan timeout;

    private ProtocolClient(ClientWebSocket socket, TimeSpan timeout, CancellationToken cancellation)
    {
        Socket = socket;
        this.timeout = timeout;
        this.cancellation = cancellation;
        _ = ReadAsync();
    }

    public ClientWebSocket Socket { get; }

    /// <summary>How the server closed the socket (null when it was aborted); completes when the socket ends.</summary>
    public Task<WebSocketCloseStatus?> Closed => closed.Task;

    /// <summary>
    /// Connects. <paramref name="cancellationToken"/> cancels the connection and every later wait of this client (a
    /// test passes its own token); <paramref name="timeout"/> is how long a message is waited for (<see cref="DefaultTimeout"/>).
    /// </summary>
    public static async Task<ProtocolClient> ConnectAsync(
        Uri uri,
        CancellationToken cancellationToken,
        Action<ClientWebSocketOptions>? configure = null,
        TimeSpan? timeout = null)
    {
        var socket = new ClientWebSocket();
        try
        {
            configure?.Invoke(socket.Options);
            await socket.ConnectAsync(uri, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new ProtocolClient(socket, timeout ?? DefaultTimeout, cancellationToken);
    }

    public Task SendAsync(string json) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, cancellation);

    public Task SendAsync(object message) => SendAsync(JsonSerializer.Serialize(message));

    public Task SendBinaryAsync(byte[] bytes) =>
        Socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, cancellation);

    /// <summary>
    /// The next message, whatever it is. Throws <see cref="TimeoutException"/> when none arrives in time and
    /// <see cref="InvalidOperationException"/> when the socket has closed and every message has been taken.
    /// </summary>
    public async ValueTask<Received> ReceiveAsync(TimeSpan? timeout = null)
    {
        if (messages.Reader.TryRead(out var queued))
        {
            return queued;
        }

        var wait = timeout ?? this.timeout;
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        waiting.CancelAfter(wait);
        try
        {
            return await messages.Reader.ReadAsync(waiting.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"No message arrived within {wait}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The socket closed before another message arrived");
        }
    }

    /// <summary>The next message, which must be of this type (else <see cref="UnexpectedMessageException"/>).</summary>
    public async ValueTask<Received> ExpectMessageAsync(string messageType)
    {
        Received message;
        try
        {
            message = await ReceiveAsync();
        }
        catch (TimeoutException nothing)
        {
            throw new TimeoutException($"No {messageType} arrived within {timeout}", nothing);
        }

        return message.MessageType == messageType
            ? message
            : throw new UnexpectedMessageException($"Expected {messageType}, got {Shorten(message.Raw)}");
    }

    /// <summary>
    /// The next message, which must be of this type, read by <paramref name="read"/> from its UTF-8 bytes, which then go
    /// back to the pool: for a reader that takes thousands of messages a second and keeps none of them (the load generator).
    /// </summary>
    public async ValueTask<T> ExpectMessageAsync<T>(string messageType, Utf8Reader<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var message = await ExpectMessageAsync(messageType);
        try
        {
            return read(message.Utf8);
        }
        finally
        {
            message.ReturnBytes();
        }
    }

    /// <summary>The next message, which must be of this type; returns its data.</summary>
    public async Task<JsonElement> ExpectAsync(string messageType) => (await ExpectMessageAsync(messageType)).Data;

    /// <summary>The next message, which must be an error; returns its text.</summary>
    public async Task<string> ExpectErrorAsync() => (await ExpectAsync("error")).GetProperty("errorMessage").GetString()!;

    /// <summary>Throws <see cref="UnexpectedMessageException"/> when a message arrives within a short window.</summary>
    public async Task ExpectNothingAsync(TimeSpan? window = null)
    {
        await Task.Delay(window ?? QuietWindow, cancellation);
        if (messages.Reader.TryRead(out var extra))
        {
            throw new UnexpectedMessageException($"Expected no further message, got {Shorten(extra.Raw)}");
        }
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
            await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellation);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CloseAsync();
        }
        catch (Exception broken) when (broken is WebSocketException or OperationCanceledException)
        {
            // Already broken, or the caller gave up: nothing to close.
        }

        await stop.CancelAsync();
        Socket.Dispose();
        stop.Dispose();
    }

    private static string Shorten(string raw) => raw.Length <= 300 ? raw : raw[..300] + "…";

    // The type is read from the bytes without building a document: the load generator takes thousands of messages a second.
    private static string MessageTypeOf(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A message is not a JSON object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("messageType"u8) && reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                return reader.GetString()!;
            }

            reader.Skip();
        }

        throw new JsonException("A message has no messageType");
    }

    private async Task ReadAsync()
    {
        // Pooled: the load generator opens two sockets per game, hundreds a second, and a buffer of each socket's own
        // lived as long as its game, so every collection it outlived had to copy it.
        var buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferBytes);
        MemoryStream? longMessage = null;
        try
        {
            while (true)
            {
                var result = await Socket.ReceiveAsync(buffer.AsMemory(), stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    closed.TrySetResult(Socket.CloseStatus);
                    return;
                }

                if (!result.EndOfMessage || longMessage is { Length: > 0 })
                {
                    longMessage ??= new MemoryStream();
                    longMessage.Write(buffer, 0, result.Count);
                    if (!result.EndOfMessage)
                    {
                        continue;
                    }
                }

                ReadOnlySpan<byte> message = longMessage is { Length: > 0 } ? longMessage.GetBuffer().AsSpan(0, (int)longMessage.Length) : buffer.AsSpan(0, result.Count);
                var bytes = ArrayPool<byte>.Shared.Rent(message.Length);
                message.CopyTo(bytes);
                longMessage?.SetLength(0);
                messages.Writer.TryWrite(new Received(MessageTypeOf(message), bytes, message.Length));
            }
        }
        catch (Exception ended) when (ended is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            closed.TrySetResult(null);
        }
        finally
        {
            messages.Writer.TryComplete();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
