using System.Diagnostics;
using System.Threading.Channels;
using Igo.Data.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Igo.Data.Stores;

/// <summary>
/// Group commit: the writes of many games that arrive while the previous transaction is in flight (accepted actions,
/// new games, keys taken and released) are committed together in the next one, each with its own checks, so the
/// store's commit rate is not the limit on actions or games per second. A lone write goes out at once; nobody is
/// answered before its transaction commits.
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

    /// <summary>Actions committed so far and the transactions that carried them (with any other writes).</summary>
    public (long Actions, long Transactions) Committed => (Interlocked.Read(ref actions), Interlocked.Read(ref transactions));

    /// <summary>
    /// Commits one action. Throws when the store could not be reached; then the action was most likely not committed,
    /// and the caller re-reads the game to be sure.
    /// </summary>
    public async Task<CommitResult> CommitAsync(ActionCommit commit, CancellationToken cancellationToken = default) =>
        ((WriteResult.Action)await WriteAsync(commit, cancellationToken)).Result;

    /// <summary>Stores a new game with its keys, the creator's held. Returns its id.</summary>
    public async Task<long> CreateGameAsync(NewGame game, CancellationToken cancellationToken = default) =>
        ((WriteResult.Created)await WriteAsync(game, cancellationToken)).GameId;

    /// <summary>Takes a key of a known game (see <see cref="GameStore.TakeKeyAsync"/>); null when there is no such key.</summary>
    public async Task<KeyChange?> TakeKeyAsync(KeyTake take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(take);
        if (take.GameId is null)
        {
            throw new ArgumentException("A take in a group must name its game, which orders the group's locks", nameof(take));
        }

        return ((WriteResult.Key)await WriteAsync(take, cancellationToken)).Change;
    }

    /// <summary>Releases a key this connection holds (see <see cref="GameStore.ReleaseKeyAsync"/>).</summary>
    public async Task<KeyChange?> ReleaseKeyAsync(KeyRelease release, CancellationToken cancellationToken = default) =>
        ((WriteResult.Key)await WriteAsync(release, cancellationToken)).Change;

    private Task<WriteResult> WriteAsync(StoreWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(write, new TaskCompletionSource<WriteResult>(TaskCreationOptions.RunContinuationsAsynchronously));
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

            var started = Stopwatch.GetTimestamp();
            try
            {
                var results = await store.CommitAsync([.. batch.Select(p => p.Write)], CancellationToken.None);
                metrics.CommitBatch(batch.Count, Stopwatch.GetElapsedTime(started));
                Interlocked.Increment(ref transactions);
                Interlocked.Add(ref actions, results.Count(r => r is WriteResult.Action { Result: CommitResult.Committed }));
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Result.TrySetResult(results[i]);
                }
            }
#pragma warning disable CA1031 // The failure belongs to the callers: each learns that its action was not committed.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                metrics.CommitBatch(batch.Count, Stopwatch.GetElapsedTime(started));
                LogBatchFailed(exception, batch.Count);
                foreach (var pending in batch)
                {
                    pending.Result.TrySetException(exception);
                }
            }

            batch.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committing a group of {Count} writes failed; its games are re-read before their next action")]
    private partial void LogBatchFailed(Exception exception, int count);

    private sealed record Pending(StoreWrite Write, TaskCompletionSource<WriteResult> Result);
}
