using System.Threading.Channels;
using Igo.Web.Operations;

namespace Igo.Web.Games;

/// <summary>
/// Delivers one observer's calls in order, one at a time, on its own loop: a slow or failing observer neither blocks
/// the game nor the other observers. Unbounded on purpose (docs/decisions/0008-unbounded-game-queues.md).
/// </summary>
internal sealed partial class ObserverMailbox : IDisposable
{
    private readonly Channel<Func<IGameObserver, Task>> calls = Channel.CreateUnbounded<Func<IGameObserver, Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IGameObserver observer;
    private readonly ILogger logger;
    private readonly long gameId;

    /// <summary>A player's mailbox: never told of the spectators' chat.</summary>
    public ObserverMailbox(IGameObserver observer, long gameId, ILogger logger)
        : this(observer, null, gameId, logger)
    {
    }

    /// <summary>A spectator's mailbox: told of the spectators' chat too.</summary>
    public ObserverMailbox(ISpectatorObserver spectator, long gameId, ILogger logger)
        : this(spectator, spectator, gameId, logger)
    {
    }

    private ObserverMailbox(IGameObserver observer, ISpectatorObserver? spectator, long gameId, ILogger logger)
    {
        this.observer = observer;
        Spectator = spectator;
        this.gameId = gameId;
        this.logger = logger;
        _ = Task.Run(DeliverAsync);
    }

    /// <summary>Set when a spectator subscribed: only then does the spectators' chat reach this observer.</summary>
    public ISpectatorObserver? Spectator { get; }

    public void Post(Func<IGameObserver, Task> call) => calls.Writer.TryWrite(call);

    /// <summary>Posts <paramref name="call"/>; the answer completes once it ran (failed or not), or the mailbox closed.</summary>
    public Task PostTracked(Func<IGameObserver, Task> call)
    {
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!calls.Writer.TryWrite(async observer =>
        {
            try
            {
                await call(observer);
            }
            finally
            {
                ran.TrySetResult();
            }
        }))
        {
            ran.TrySetResult();
        }

        return ran.Task;
    }

    public void Dispose() => calls.Writer.TryComplete();

    private async Task DeliverAsync()
    {
        // Inside the subscribing connection's scope (the loop started there), and the game's.
        using var scope = logger.BeginScope(CorrelationScope.Game(gameId));
        await foreach (var call in calls.Reader.ReadAllAsync())
        {
            try
            {
                await call(observer);
            }
#pragma warning disable CA1031 // An observer's failure is its own; the others and the game go on.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogObserverFailed(exception, gameId, observer.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An observer of game {GameId} ({ObserverType}) failed")]
    private partial void LogObserverFailed(Exception exception, long gameId, string observerType);
}
