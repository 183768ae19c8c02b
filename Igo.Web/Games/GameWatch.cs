using Igo.Data;
using Igo.Data.Model;
using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>A spectator's view of a game held here: it counts while it lasts, and knows nothing of the keys.</summary>
internal sealed class GameWatch : IGameWatch
{
    private readonly GameCoordinator coordinator;
    private readonly HeldSubscriptions subscriptions = new();
    private int disposed;

    public GameWatch(GameCoordinator coordinator, LiveGame live)
    {
        this.coordinator = coordinator;
        Live = live;
        Computers = new(ComputerOf(live.KeyOf(Color.Black)), ComputerOf(live.KeyOf(Color.White)));
        live.SpectatorArrived();
    }

    public string WatchId => Live.WatchId;

    public GameSnapshot Snapshot => Live.Snapshot;

    public PerColor<string?> Computers { get; }

    internal LiveGame Live { get; }

    public IDisposable Subscribe(ISpectatorObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
        return subscriptions.Hold(Live.SubscribeSpectator(observer));
    }

    public Task<IReadOnlyList<SpectatorMessage>> ChatThreadAsync(CancellationToken cancellationToken = default) => Live.SpectatorChatThreadAsync(cancellationToken);

    public async Task<SpectatorChatFailure?> ChatAsync(string name, string text, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (SpectatorNames.Normalize(name) is not { } chosen)
        {
            return SpectatorChatFailure.BadName;
        }

        if (ChatRules.Check(text) is not null)
        {
            return SpectatorChatFailure.BadText;
        }

        if (Volatile.Read(ref disposed) == 1)
        {
            return SpectatorChatFailure.Unavailable;
        }

        try
        {
            return await Live.SpectatorChatAsync(chosen, text);
        }
        catch (ObjectDisposedException)
        {
            return SpectatorChatFailure.Unavailable;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        subscriptions.EndAll();

        await coordinator.StopWatchingAsync(this);
    }

    // The level only, never the secret: a spectator learns that a colour is the computer's and which one plays it.
    private static string? ComputerOf(PlayerKeyRecord key) => key.ComputerSecret is null ? null : key.ComputerLevel ?? string.Empty;
}
