using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Web.Circuits;

/// <summary>
/// The watch page's stay at one watch id: opens the watch, follows the game's pushed changes and the spectators'
/// chat, and sends the spectator's lines. It holds no seat and has no way to send an action. Its
/// <see cref="State"/> is one immutable value; subscribers hear of every change, from whichever thread made it.
/// </summary>
internal sealed partial class WatchSession(IGameWatching watching, ILogger<WatchSession> logger) : ISpectatorObserver, IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly ChangeNotifier changes = new();
    private readonly CancellationTokenSource lifetime = new();
    private WatchState state = WatchState.Opening;
    private IDisposable? subscription;
    private int disposed;

    public WatchState State
    {
        get
        {
            lock (gate)
            {
                return state;
            }
        }
    }

    public IDisposable Subscribe(Func<Task> changed) => changes.Subscribe(changed);

    /// <summary>Opens the watch of <paramref name="watchId"/>, or says why there is none.</summary>
    public async Task OpenAsync(string watchId)
    {
        WatchOutcome outcome;
        try
        {
            outcome = await watching.WatchGameAsync(watchId.Trim(), lifetime.Token);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            return;
        }

        if (outcome.Watch is not { } watch)
        {
            await ApplyAsync(_ => new WatchState(outcome.NotFound ? WatchPhase.NotFound : WatchPhase.Unavailable));
            return;
        }

        bool kept;
        lock (gate)
        {
            kept = Volatile.Read(ref disposed) == 0;
            if (kept)
            {
                // Subscribed before the snapshot is read: nothing committed in between is missed.
                subscription = watch.Subscribe(this);
                state = WatchState.Watching(watch);
            }
        }

        if (!kept)
        {
            // The page left while the watch was opening.
            await watch.DisposeAsync();
            return;
        }

        await changes.NotifyAsync();
        IReadOnlyList<SpectatorMessage> thread;
        try
        {
            thread = await watch.ChatThreadAsync(lifetime.Token);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // The game is watched without the chat's history; the failure is logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            ChatThreadFailed(logger, exception);
            thread = [];
        }

        await ApplyAsync(current => current.WithThread(thread));
    }

    /// <summary>Says a line in the spectators' chat; null when posted, else why not.</summary>
    public async Task<SpectatorChatFailure?> SendChatAsync(string name, string text)
    {
        if (State.Watch is not { } watch)
        {
            return SpectatorChatFailure.Unavailable;
        }

        try
        {
            return await watch.ChatAsync(name, text, lifetime.Token);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            return SpectatorChatFailure.Unavailable;
        }
    }

    public Task OnGameChangedAsync(GameSnapshot snapshot) => ApplyAsync(current => current.WithSnapshot(snapshot));

    public Task OnChatAsync(ChatMessage message) => Task.CompletedTask;

    public Task OnPresenceAsync(Color color, bool connected) => ApplyAsync(current => current.WithPresence(color, connected));

    public Task OnSpectatorChatAsync(SpectatorMessage message) => ApplyAsync(current => current.WithChat(message));

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await lifetime.CancelAsync();
        changes.Clear();
        IGameWatch? watch;
        lock (gate)
        {
            subscription?.Dispose();
            watch = state.Watch;
        }

        if (watch is not null)
        {
            await watch.DisposeAsync();
        }

        lifetime.Dispose();
    }

    private async Task ApplyAsync(Func<WatchState, WatchState> change)
    {
        lock (gate)
        {
            var next = change(state);
            if (ReferenceEquals(next, state))
            {
                return;
            }

            state = next;
        }

        await changes.NotifyAsync();
    }

    [LoggerMessage(EventId = 5110, Level = LogLevel.Warning, Message = "Loading the spectators' chat failed")]
    private static partial void ChatThreadFailed(ILogger logger, Exception exception);
}
