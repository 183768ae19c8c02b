using System.Threading.Channels;
using Igo.Data.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Igo.Data.Stores;

/// <summary>
/// Group commit: actions of many games that arrive while the previous transaction is in flight are committed
/// together in the next one (each with its own version check), so the store's commit rate is not the limit on
/// actions per second. A lone action goes out at once; nobody is answered before its transaction commits.
/// </summary>
public sealed partial class ActionWriter : IAsyncDisposable
{
    private const int MaxBatch = 500;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IActionCommits store;
    private readonly ILogger<ActionWriter> logger;
    private readonly IgoMetrics metrics;
    private readonly Task loop;
    private long transactions;
    private long actions;

    public ActionWriter(IActionCommits store, IgoMetrics metrics, ILogger<ActionWriter> logger)
    {
        this.store = store;
        this.metrics = metrics;
        this.logger = logger;

        // Not the creator's logging scope or activity: the loop serves every game of the instance.
        using (ExecutionContext.SuppressFlow())
        {
            loop = Task.Run(RunAsync);
        }
    }

    /// <summary>Actions committed so far and the transactions that carried them.</summary>
    public (long Actions, long Transactions) Committed => (Interlocked.Read(ref actions), Interlocked.Read(ref transactions));

    /// <summary>
    /// Commits one action. Throws when the store could not be reached; then the action was most likely not committed,
    /// and the caller re-reads the game to be sure.
    /// </summary>
    public Task<CommitResult> CommitAsync(ActionCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(commit, new TaskCompletionSource<CommitResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(pending), this);

        // Not cancellable once queued: the caller must learn whether it was committed.
        return pending.Result.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            metrics.CommitBatch(batch.Count);
            try
            {
                var results = await store.CommitActionsAsync([.. batch.Select(p => p.Commit)], CancellationToken.None);
                Interlocked.Increment(ref transactions);
                Interlocked.Add(ref actions, results.Count(r => r == CommitResult.Committed));
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Result.TrySetResult(results[i]);
                }
            }
#pragma warning disable CA1031 // The failure belongs to the callers: each learns that its action was not committed.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogBatchFailed(exception, batch.Count);
                foreach (var pending in batch)
                {
                    pending.Result.TrySetException(exception);
                }
            }

            batch.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committing a batch of {Count} actions failed; its games are re-read before their next action")]
    private partial void LogBatchFailed(Exception exception, int count);

    private sealed record Pending(ActionCommit Commit, TaskCompletionSource<CommitResult> Result);
}
