using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace Igo.Bench.Compat;

/// <summary>One socket: sends text frames and queues each received message's text for the game to take in order.</summary>
internal sealed class SocketPlayer : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ClientWebSocket socket;
    private readonly Channel<string> received = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Task reading;

    private SocketPlayer(ClientWebSocket socket)
    {
        this.socket = socket;
        reading = ReadAsync();
    }

    public static async Task<SocketPlayer> ConnectAsync(Uri url, string? forwardedFor = null)
    {
        var socket = new ClientWebSocket();

        // Through a trusted proxy (loopback), this header names the client: a load of many distinct addresses.
        if (forwardedFor is not null)
        {
            socket.Options.SetRequestHeader("X-Forwarded-For", forwardedFor);
        }

        await socket.ConnectAsync(url, CancellationToken.None);
        return new SocketPlayer(socket);
    }

    public Task SendAsync(string json) => socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    public async Task<string> ExpectAsync(string messageType)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var message = await received.Reader.ReadAsync(timeout.Token);
        return message.StartsWith($$"""{"messageType":"{{messageType}}",""", StringComparison.Ordinal)
            ? message
            : throw new InvalidOperationException($"Expected {messageType}, got {message[..Math.Min(200, message.Length)]}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Already closed by the server.
        }

        await reading;
        socket.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    received.Writer.TryWrite(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                    message.SetLength(0);
                }
            }
        }
        catch (WebSocketException)
        {
            // The server went away; the game in progress counts a failure.
        }
        finally
        {
            received.Writer.TryComplete();
        }
    }
}
