using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Tests.Components;

/// <summary>A watch for component tests: lets the test push what the game would, and records the lines sent.</summary>
internal sealed class FakeGameWatch(GameSnapshot snapshot) : IGameWatch
{
    private readonly List<ISpectatorObserver> observers = [];

    public string WatchId => "0123456789abcdef0123456789abcdef";

    public GameSnapshot Snapshot { get; set; } = snapshot;

    public PerColor<string?> Computers { get; init; }

    public List<SpectatorMessage> Thread { get; } = [];

    public List<(string Name, string Text)> Sent { get; } = [];

    public bool Disposed { get; private set; }

    public IDisposable Subscribe(ISpectatorObserver observer)
    {
        observers.Add(observer);
        return new Unsubscribe(() => observers.Remove(observer));
    }

    public Task<IReadOnlyList<SpectatorMessage>> ChatThreadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SpectatorMessage>>(Thread.ToList());

    public Task<SpectatorChatFailure?> ChatAsync(string name, string text, CancellationToken cancellationToken = default)
    {
        Sent.Add((name, text));
        return Task.FromResult<SpectatorChatFailure?>(null);
    }

    public async Task PushAsync(GameSnapshot next)
    {
        Snapshot = next;
        foreach (var observer in observers.ToList())
        {
            await observer.OnGameChangedAsync(next);
        }
    }

    public async Task PushChatAsync(SpectatorMessage message)
    {
        foreach (var observer in observers.ToList())
        {
            await observer.OnSpectatorChatAsync(message);
        }
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}

internal sealed class Unsubscribe(Action remove) : IDisposable
{
    public void Dispose() => remove();
}

/// <summary>Answers every watch id with <see cref="Outcome"/>, and records the ids asked for.</summary>
internal sealed class FakeWatching : IGameWatching
{
    public WatchOutcome Outcome { get; set; } = WatchOutcome.Missing;

    public List<string> Asked { get; } = [];

    public Task<WatchOutcome> WatchGameAsync(string watchId, CancellationToken cancellationToken = default)
    {
        Asked.Add(watchId);
        return Task.FromResult(Outcome);
    }
}
