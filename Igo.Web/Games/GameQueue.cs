using System.Threading.Channels;
using Igo.Web.Operations;

namespace Igo.Web.Games;

/// <summary>
/// One game's serial queue: its steps run one at a time, in the order they were queued, on one loop that logs under
/// the game's scope. Unbounded on purpose (docs/decisions/0008-unbounded-game-queues.md).
/// </summary>
internal sealed class GameQueue : IAsyncDisposable
{
    private readonly Channel<Func<Task>> work = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;

    public GameQueue(long gameId, ILogger logger)
    {
        // The game's loop logs under the game's scope, not under whichever connection happened to open the game.
        using (ExecutionContext.SuppressFlow())
        {
            loop = Task.Run(() => ProcessAsync(gameId, logger));
        }
    }

    /// <summary>Queues a step nobody waits for (a bus event); the step handles its own failures. False once closed.</summary>
    public bool Post(Func<Task> step) => work.Writer.TryWrite(step);

    /// <summary>Runs a step after everything queued before it and hands its result or exception to the caller.</summary>
    /// <exception cref="ObjectDisposedException">The queue is closed (the game left memory or the app is stopping).</exception>
    public async Task<T> RunAsync<T>(Func<Task<T>> step)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queued = work.Writer.TryWrite(async () =>
        {
            try
            {
                result.TrySetResult(await step());
            }
#pragma warning disable CA1031 // Handed to the caller, who is waiting for this step.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                result.TrySetException(exception);
            }
        });
        ObjectDisposedException.ThrowIf(!queued, this);
        return await result.Task;
    }

    /// <summary>Takes no more steps, and returns once the ones already queued have run.</summary>
    public async ValueTask DisposeAsync()
    {
        work.Writer.TryComplete();
        await loop;
    }

    private async Task ProcessAsync(long gameId, ILogger logger)
    {
        using var scope = logger.BeginScope(CorrelationScope.Game(gameId));
        await foreach (var step in work.Reader.ReadAllAsync())
        {
            await step();
        }
    }
}
