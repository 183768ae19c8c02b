using Igo.Web.Throttling;

namespace Igo.Web.Compat;

/// <summary>
/// Decides when a connection's receive loop may take the next message off its socket (docs/COMPATIBILITY.md, "Flow
/// control"). A message that arrives while nothing is pending (the client waited for its answers) is taken at once,
/// whatever the pace: a client with one message in flight is never slowed or dropped. A message sent ahead of the
/// answers to earlier ones takes a token of the send-ahead allowance; without one, the loop reads nothing more (so TCP
/// pushes back on the client) until a token comes back or everything pending has been answered. A client that already
/// has <see cref="CompatibilityOptions.MaxPendingInbound"/> messages pending and sends one more has flooded past the
/// bound and is dropped. The receive loop admits, the handling loop marks messages answered. <paramref name="slowed"/>
/// is called the first time the loop stops reading.
/// </summary>
internal sealed class InboundFlow(CompatibilityOptions options, TimeProvider time, Action slowed)
{
    private readonly TokenBucket sendAhead = new(options.SendAheadBurst, options.SendAheadInterval, time);
    private readonly Lock gate = new();
    private int pending;
    private TaskCompletionSource? allAnswered;
    private bool hasWaited;

    /// <summary>Messages read and not yet answered.</summary>
    public int Pending
    {
        get
        {
            lock (gate)
            {
                return pending;
            }
        }
    }

    /// <summary>
    /// Admits the message the receive loop has just read, waiting first when the client sends ahead of its allowance.
    /// False when the client has flooded past the bound.
    /// </summary>
    public async ValueTask<bool> AdmitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Task answered;
            TimeSpan refill;
            lock (gate)
            {
                if (pending >= options.MaxPendingInbound)
                {
                    return false;
                }

                if (pending == 0 || sendAhead.TryTake())
                {
                    pending++;
                    return true;
                }

                allAnswered ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                answered = allAnswered.Task;
                refill = sendAhead.UntilNextToken();
            }

            if (!hasWaited)
            {
                hasWaited = true;
                slowed();
            }

            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var refilled = Task.Delay(refill, time, stopWaiting.Token);
            await Task.WhenAny(refilled, answered);
            await stopWaiting.CancelAsync();
        }
    }

    /// <summary>One admitted message has been answered (or dropped unanswered because the connection is ending).</summary>
    public void Answered()
    {
        TaskCompletionSource? waiting = null;
        lock (gate)
        {
            pending--;
            if (pending == 0)
            {
                (waiting, allAnswered) = (allAnswered, null);
            }
        }

        waiting?.TrySetResult();
    }
}
