using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;

namespace Igo.Web.Compat;

/// <summary>
/// Runs one accepted socket: a receive loop (frame size, binary frames, rate limit; it keeps reading so that pongs are seen
/// while a message is being handled), a loop that handles the messages one at a time in order, and the single writer.
/// When the socket ends, however it ends, the session gives its key up.
/// </summary>
internal sealed class CompatConnection
{
    private const int ReceiveChunkBytes = 4096;

    private readonly WebSocket socket;
    private readonly CompatSession session;
    private readonly OutboundQueue outbound;
    private readonly CompatibilityOptions options;
    private readonly TokenBucket rate;
    private readonly ILogger logger;
    private readonly Channel<ParseResult> inbound;
    private volatile bool terminating;
    private long received;

    public CompatConnection(WebSocket socket, Func<IOutboundSink, CompatSession> createSession, CompatibilityOptions options, TimeProvider time, ILogger logger)
    {
        this.socket = socket;
        this.options = options;
        this.logger = logger;
        outbound = new OutboundQueue(options.MaxPendingOutbound, OnSlowReader);
        session = createSession(outbound);
        rate = new TokenBucket(options.RateLimitBurst, options.RateLimitPerSecond, time);
        inbound = Channel.CreateBounded<ParseResult>(new BoundedChannelOptions(options.MaxPendingInbound) { SingleReader = true, SingleWriter = true });
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        CompatLog.Opened(logger, session.ConnectionId);
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var writing = WriteAsync(aborted);
        try
        {
            var handling = HandleAsync(aborted.Token);
            await ReceiveAsync(aborted.Token);
            await handling;
        }
        finally
        {
            // The key is released as soon as the socket is seen closed, whatever remains to be written.
            await session.DisposeAsync();
            outbound.Complete();
            await writing;
            CompatLog.Closed(logger, session.ConnectionId, received);
        }
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var chunk = new byte[ReceiveChunkBytes];
        var message = new ArrayBufferWriter<byte>(ReceiveChunkBytes);
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(chunk.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (message.WrittenCount + result.Count > options.MaxFrameBytes)
                {
                    CompatLog.TooLarge(logger, session.ConnectionId, options.MaxFrameBytes);
                    Terminate(ProtocolTexts.TooLarge(options.MaxFrameBytes), WebSocketCloseStatus.MessageTooBig);
                    return;
                }

                message.Write(chunk.AsSpan(0, result.Count));
                if (!result.EndOfMessage)
                {
                    continue;
                }

                received++;
                var parsed = result.MessageType == WebSocketMessageType.Binary
                    ? ParseResult.Refused(ProtocolTexts.BinaryFrame)
                    : InboundParser.Parse(message.WrittenSpan);
                message.ResetWrittenCount();
                if (message.Capacity > ReceiveChunkBytes * 4)
                {
                    // Give back the memory of an unusually large message.
                    message = new ArrayBufferWriter<byte>(ReceiveChunkBytes);
                }

                if (!rate.TryTake() || !inbound.Writer.TryWrite(parsed))
                {
                    CompatLog.Flooding(logger, session.ConnectionId);
                    Terminate(ProtocolTexts.TooFast(options.RateLimitPerSecond), WebSocketCloseStatus.PolicyViolation);
                    return;
                }
            }
        }
        catch (Exception broken) when (broken is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A dead client (no pong), an abort or the server stopping: the key is released all the same.
            CompatLog.Broken(logger, broken, session.ConnectionId);
        }
        finally
        {
            inbound.Writer.TryComplete();
        }
    }

    private async Task HandleAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var parsed in inbound.Reader.ReadAllAsync(cancellationToken))
            {
                if (terminating)
                {
                    continue;
                }

                if (parsed.Message is { } message)
                {
                    await session.HandleAsync(message, cancellationToken);
                }
                else
                {
                    session.Refuse(parsed.Error ?? ProtocolTexts.InternalError);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Aborted: nothing more can be answered.
        }
    }

    private async Task WriteAsync(CancellationTokenSource aborted)
    {
        try
        {
            await outbound.RunAsync(socket, aborted.Token);
        }
        catch (Exception broken) when (broken is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            CompatLog.Broken(logger, broken, session.ConnectionId);
        }

        // Once nothing more can be written, stop reading and handling too.
        if (socket.State != WebSocketState.Closed)
        {
            await aborted.CancelAsync();
        }
    }

    /// <summary>Ends a connection that broke a limit: drops what it still has queued, tells it why, and closes.</summary>
    private void Terminate(string reason, WebSocketCloseStatus status)
    {
        terminating = true;
        session.Refuse(reason);
        outbound.Close(status, status == WebSocketCloseStatus.MessageTooBig ? "Message too big" : "Too many messages");
    }

    private void OnSlowReader()
    {
        CompatLog.SlowReader(logger, session.ConnectionId);
        socket.Abort();
    }
}
