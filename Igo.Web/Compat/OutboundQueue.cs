using System.Net.WebSockets;
using System.Threading.Channels;

namespace Igo.Web.Compat;

/// <summary>
/// The one writer of a socket: frames are queued without blocking (so the coordinator's events never wait on a slow
/// client) and written one after another, so two messages never interleave. A client that lets the queue fill up is
/// dropped through <c>onOverflow</c>.
/// </summary>
internal sealed class OutboundQueue(int capacity, Action onOverflow) : IOutboundSink
{
    private readonly Channel<Frame> frames = Channel.CreateBounded<Frame>(
        new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public void Send(byte[] frame)
    {
        if (!frames.Writer.TryWrite(new Frame(frame, null, null)) && frames.Writer.TryComplete())
        {
            onOverflow();
        }
    }

    /// <summary>Queues a close after the frames already queued; nothing queued later is written.</summary>
    public void Close(WebSocketCloseStatus status, string description)
    {
        // A close must not be lost to a full queue: writing past the capacity is not possible, so it completes instead.
        if (!frames.Writer.TryWrite(new Frame(null, status, description)))
        {
            frames.Writer.TryComplete();
        }
    }

    /// <summary>No more frames: the writer finishes what is queued, then closes normally.</summary>
    public void Complete() => frames.Writer.TryComplete();

    public async Task RunAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        await foreach (var frame in frames.Reader.ReadAllAsync(cancellationToken))
        {
            if (frame.Bytes is { } bytes)
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                continue;
            }

            await CloseAsync(socket, frame.Status!.Value, frame.Description, cancellationToken);
            return;
        }

        await CloseAsync(socket, WebSocketCloseStatus.NormalClosure, null, cancellationToken);
    }

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, string? description, CancellationToken cancellationToken)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(status, description, cancellationToken);
        }
    }

    private sealed record Frame(byte[]? Bytes, WebSocketCloseStatus? Status, string? Description);
}
