using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Igo.Data.Events;

/// <summary>
/// The embedded default's bus: one process, so events go straight from publisher to subscribers, delivered on one
/// background loop in publish order (as the PostgreSQL listener delivers them), never inline in the publisher.
/// </summary>
public sealed class InProcessGameEventBus : IGameEventBus, IAsyncDisposable
{
    private readonly Channel<GameEvent> queue = Channel.CreateUnbounded<GameEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly GameSubscriptions subscriptions;
    private readonly Task delivery;

    public InProcessGameEventBus(ILogger<InProcessGameEventBus> logger)
    {
        subscriptions = new GameSubscriptions(logger);

        // Not the creator's logging scope or activity: the loop outlives whatever request first needed the bus.
        using (ExecutionContext.SuppressFlow())
        {
            delivery = Task.Run(DeliverAsync);
        }
    }

    public bool IsListening => true;

    public ValueTask PublishAsync(IReadOnlyList<GameEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var gameEvent in events)
        {
            queue.Writer.TryWrite(gameEvent);
        }

        return ValueTask.CompletedTask;
    }

    public IDisposable Subscribe(long gameId, Action<GameEvent> handler) => subscriptions.Add(gameId, handler);

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await delivery;
    }

    private async Task DeliverAsync()
    {
        await foreach (var gameEvent in queue.Reader.ReadAllAsync())
        {
            subscriptions.Dispatch(gameEvent);
        }
    }
}
