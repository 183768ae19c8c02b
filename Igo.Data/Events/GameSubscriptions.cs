using Microsoft.Extensions.Logging;

namespace Igo.Data.Events;

/// <summary>The subscribers of each game, shared by both buses. A handler that throws is logged and the others still run.</summary>
internal sealed partial class GameSubscriptions(ILogger logger)
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, List<Subscription>> byGame = [];

    public IDisposable Add(long gameId, Action<GameEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, gameId, handler);
        lock (gate)
        {
            if (!byGame.TryGetValue(gameId, out var list))
            {
                list = [];
                byGame[gameId] = list;
            }

            list.Add(subscription);
        }

        return subscription;
    }

    public IReadOnlyList<long> GameIds()
    {
        lock (gate)
        {
            return [.. byGame.Keys];
        }
    }

    public bool HasAny(long gameId)
    {
        lock (gate)
        {
            return byGame.ContainsKey(gameId);
        }
    }

    public void Dispatch(GameEvent gameEvent)
    {
        Subscription[] handlers;
        lock (gate)
        {
            if (!byGame.TryGetValue(gameEvent.GameId, out var list))
            {
                return;
            }

            handlers = [.. list];
        }

        foreach (var subscription in handlers)
        {
            try
            {
                subscription.Handler(gameEvent);
            }
#pragma warning disable CA1031 // One subscriber's bug must not stop the others from hearing of the game.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                HandlerFailed(logger, exception, gameEvent.GameId, gameEvent.GetType().Name);
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (gate)
        {
            if (byGame.TryGetValue(subscription.GameId, out var list) && list.Remove(subscription) && list.Count == 0)
            {
                byGame.Remove(subscription.GameId);
            }
        }
    }

    private sealed class Subscription(GameSubscriptions owner, long gameId, Action<GameEvent> handler) : IDisposable
    {
        public long GameId { get; } = gameId;

        public Action<GameEvent> Handler { get; } = handler;

        public void Dispose() => owner.Remove(this);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A handler of game {GameId} failed on {EventKind}")]
    private static partial void HandlerFailed(ILogger logger, Exception exception, long gameId, string eventKind);
}
