using Igo.Data;
using Igo.Data.Stores;
using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>A key held by one connection on this instance. Every action of its player goes through here.</summary>
internal sealed class GameSeat : IGameSeat
{
    private readonly GameCoordinator coordinator;
    private readonly HeldSubscriptions subscriptions = new();
    private readonly TaskCompletionSource takenOver = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int disposed;
    private volatile bool released;

    public GameSeat(GameCoordinator coordinator, LiveGame live, Color color, KeyHolder holder, ConnectionKind holderKind)
    {
        HolderKind = holderKind;
        this.coordinator = coordinator;
        Live = live;
        Color = color;
        StoreHolder = holder;
        var black = live.KeyOf(Color.Black);
        var white = live.KeyOf(Color.White);
        Keys = new GameKeys(black.Key, white.Key);
        var opponent = live.KeyOf(color.Opponent());
        OpponentIsComputer = opponent.ComputerSecret is not null;
        OpponentComputerId = opponent.ComputerLevel;
    }

    public long GameId => Live.Id;

    public string Key => Keys.For(Color);

    public Color Color { get; }

    public GameKeys Keys { get; }

    public bool OpponentIsComputer { get; }

    public string? OpponentComputerId { get; }

    public GameSnapshot Snapshot => Live.Snapshot;

    public string WatchId => Live.WatchId;

    public Task TakenOver => takenOver.Task;

    internal LiveGame Live { get; }

    internal KeyHolder StoreHolder { get; }

    internal ConnectionKind HolderKind { get; }

    /// <summary>Set on the game's queue, so an action queued before the release still runs and none after it does.</summary>
    internal bool IsReleased => released;

    /// <summary>The key was taken over by another connection: releasing this seat must not touch it.</summary>
    internal bool LostToTakeOver => takenOver.Task.IsCompleted;

    /// <summary>On the game's queue: another connection took the key over; nothing this seat sends is acted on from now.</summary>
    internal void LoseToTakeOver()
    {
        released = true;
        takenOver.TrySetResult();
    }

    public Task<IReadOnlyList<ChatMessage>> ChatThreadAsync(CancellationToken cancellationToken = default) => Live.ChatThreadAsync(cancellationToken);

    public async Task<IReadOnlyList<SpectatorMessage>?> SpectatorChatAsync(CancellationToken cancellationToken = default) =>
        Live.Snapshot.View.Status == GameStatus.Complete ? await Live.SpectatorChatThreadAsync(cancellationToken) : null;

    public IDisposable Subscribe(IGameObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
        return subscriptions.Hold(Live.Subscribe(observer));
    }

    public Task<ActionReply> ActAsync(ActionType type, Point? point, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Volatile.Read(ref disposed) == 1 ? Released() : WhileRunningAsync(() => Live.ActAsync(this, type, point));
    }

    public Task<ActionReply> AcceptCountAsync(int markingVersion, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Volatile.Read(ref disposed) == 1 ? Released() : WhileRunningAsync(() => Live.AcceptCountAsync(this, markingVersion));
    }

    public Task<ActionReply> ChatAsync(string text, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (ChatRules.Check(text) is { } refusal)
        {
            return Task.FromResult(ActionReply.ChatRefused(refusal));
        }

        return Volatile.Read(ref disposed) == 1 ? Released() : WhileRunningAsync(() => Live.ChatAsync(this, text));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        subscriptions.EndAll();

        try
        {
            await Live.RunAsync(() =>
            {
                released = true;
                Live.Seats.Remove(this);
            });
        }
        catch (ObjectDisposedException)
        {
            // The app is stopping and the game is gone from memory; the lease service releases its keys.
            released = true;
            return;
        }

        await coordinator.ReleaseAsync(this);
    }

    private static Task<ActionReply> Released() =>
        Task.FromResult(ActionReply.Refused(ActionFailure.SeatReleased));

    /// <summary>Once the app is stopping, the game's queue is closed: the player is told, not thrown at.</summary>
    private static async Task<ActionReply> WhileRunningAsync(Func<Task<ActionReply>> step)
    {
        try
        {
            return await step();
        }
        catch (ObjectDisposedException)
        {
            return ActionReply.Refused(ActionFailure.Unavailable);
        }
    }
}
