using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using Igo.Data.Diagnostics;

namespace Igo.Web.Compat;

/// <summary>
/// Runs one accepted socket: a receive loop (frame size, binary frames, and flow control: it stops reading a client that
/// sends ahead of its answers faster than allowed, see <see cref="InboundFlow"/>), a loop that handles the messages one
/// at a time in order, and the single writer. When the socket ends, however it ends, the session gives its key up.
/// </summary>
internal sealed class CompatConnection
{
    private const int ReceiveChunkBytes = 4096;

    /// <summary>How long a client told to go away has to answer the close before the socket is dropped.</summary>
    private static readonly TimeSpan GoingAwayGrace = TimeSpan.FromSeconds(2);

    private readonly WebSocket socket;
    private readonly CompatSession session;
    private readonly OutboundQueue outbound;
    private readonly CompatibilityOptions options;
    private readonly InboundFlow flow;
    private readonly ILogger logger;
    private readonly IgoMetrics metrics;
    private readonly Channel<ParseResult> inbound;
    private readonly Lock handlingGate = new();
    private volatile bool terminating;
    private Task inHand = Task.CompletedTask;
    private Task? departure;
    private long received;

    public CompatConnection(WebSocket socket, Func<IOutboundSink, CompatSession> createSession, CompatibilityOptions options, TimeProvider time, IgoMetrics metrics, ILogger logger)
    {
        this.metrics = metrics;
        this.socket = socket;
        this.options = options;
        this.logger = logger;
        outbound = new OutboundQueue(options.MaxPendingOutbound, OnSlowReader);
        session = createSession(outbound);
        flow = new InboundFlow(options, time, () => CompatLog.Slowed(logger, session.ConnectionId));

        // Unbounded in type only: the flow admits no more than MaxPendingInbound messages at once.
        inbound = Channel.CreateUnbounded<ParseResult>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    }

    public async Task RunAsync(CancellationToken aborting, CancellationToken goingAway)
    {
        CompatLog.Opened(logger, session.ConnectionId);
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(aborting);
        var writing = WriteAsync(aborted);
        var leaving = goingAway.Register(() => Volatile.Write(ref departure, GoAwayAsync(aborted)));
        try
        {
            var handling = HandleAsync(aborted.Token);
            await ReceiveAsync(aborted.Token);
            await handling;
        }
        finally
        {
            await leaving.DisposeAsync();
            if (Volatile.Read(ref departure) is { } going)
            {
                await going;
            }

            // The key is released as soon as the socket is seen closed, whatever remains to be written.
            await session.DisposeAsync();
            outbound.Complete();
            await writing;
            CompatLog.Closed(logger, session.ConnectionId, received);
        }
    }

    /// <summary>
    /// The instance is stopping: the message in hand is answered, the key is released (so that the client's rejoin on
    /// another instance finds it free), then the socket is closed with 1001 "going away" and the client reconnects. A
    /// client that does not answer the close is dropped after <see cref="GoingAwayGrace"/>.
    /// </summary>
    private async Task GoAwayAsync(CancellationTokenSource aborted)
    {
        Task answering;
        lock (handlingGate)
        {
            terminating = true;
            answering = inHand;
        }

        await answering;
        await session.DisposeAsync();
        outbound.Close(WebSocketCloseStatus.EndpointUnavailable, "Server restarting; reconnect");
        try
        {
            aborted.CancelAfter(GoingAwayGrace);
        }
        catch (ObjectDisposedException)
        {
            // The connection ended meanwhile.
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
                    : InboundParser.Parse(message.WrittenMemory);
                message.ResetWrittenCount();
                if (message.Capacity > ReceiveChunkBytes * 4)
                {
                    // Give back the memory of an unusually large message.
                    message = new ArrayBufferWriter<byte>(ReceiveChunkBytes);
                }

                // Waiting here reads nothing more from the socket: the client is slowed by TCP, not dropped.
                if (!await flow.AdmitAsync(cancellationToken))
                {
                    CompatLog.Flooding(logger, session.ConnectionId, options.MaxPendingInbound);
                    Terminate(ProtocolTexts.TooManyPending(options.MaxPendingInbound), WebSocketCloseStatus.PolicyViolation);
                    return;
                }

                inbound.Writer.TryWrite(parsed);
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
                try
                {
                    await HandleOneAsync(parsed, cancellationToken);
                }
                finally
                {
                    flow.Answered();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Aborted: nothing more can be answered.
        }
    }

    private async Task HandleOneAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        // Going away waits for the answer in hand, and no message is taken up after it.
        TaskCompletionSource handled;
        lock (handlingGate)
        {
            if (terminating)
            {
                return;
            }

            handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            inHand = handled.Task;
        }

        try
        {
            if (parsed.Message is { } message)
            {
                await session.HandleAsync(message, cancellationToken);
            }
            else
            {
                metrics.InputRejected("malformed");
                session.Refuse(parsed.Error ?? ProtocolTexts.InternalError);
            }
        }
        finally
        {
            handled.SetResult();
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

        // Once nothing more can be written, stop reading and handling too; after a close frame, reading goes on until the
        // client's close arrives (cancelling the read would abort the socket and could cut the close frame off).
        if (socket.State is not (WebSocketState.Closed or WebSocketState.CloseSent))
        {
            await aborted.CancelAsync();
        }
    }

    /// <summary>Ends a connection that broke a limit: drops what it still has queued, tells it why, and closes.</summary>
    private void Terminate(string reason, WebSocketCloseStatus status)
    {
        metrics.InputRejected(status == WebSocketCloseStatus.MessageTooBig ? "too_large" : "flooding");
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
