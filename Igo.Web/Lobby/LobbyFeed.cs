using Igo.Data;
using Igo.Data.Events;
using Igo.Data.Stores;
using Microsoft.Extensions.Options;

namespace Igo.Web.Lobby;

/// <summary>
/// The lobby's lists, read once per burst of changes for every page on this instance: a <see cref="LobbyChanged"/>
/// from any instance (or a resync of the bus) schedules one read after <see cref="LobbyOptions.RefreshDelay"/>, and
/// pages are told only when the lists differ. While no page watches, nothing is read.
/// </summary>
internal sealed partial class LobbyFeed : IDisposable
{
    private readonly Lock gate = new();
    private readonly List<Action<LobbySnapshot>> watchers = [];

    // Reads one at a time, so that a slow read can never finish after a later one and bring back older lists.
    private readonly SemaphoreSlim reading = new(1, 1);
    private readonly GameStore store;
    private readonly LobbyOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<LobbyFeed> logger;
    private readonly IDisposable subscription;
    private LobbySnapshot current = LobbySnapshot.Empty;
    private bool refreshPending;
    private ITimer? idle;
    private int reads;

    public LobbyFeed(GameStore store, IGameEventBus bus, IOptions<LobbyOptions> options, TimeProvider time, ILogger<LobbyFeed> logger)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(options);
        this.store = store;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        subscription = bus.Subscribe(LobbyChanged.LobbyId, _ => RequestRefresh(this.options.RefreshDelay));
    }

    public LobbySnapshot Current => Volatile.Read(ref current);

    /// <summary>Reads since this instance started (for tests and metrics of the sharing).</summary>
    public int Reads => Volatile.Read(ref reads);

    /// <summary>Calls <paramref name="changed"/> with the lists whenever they change, until disposed; the first watcher starts a read at once.</summary>
    public IDisposable Watch(Action<LobbySnapshot> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        bool first;
        lock (gate)
        {
            watchers.Add(changed);
            first = watchers.Count == 1;
            if (first)
            {
                idle = time.CreateTimer(_ => RequestRefresh(TimeSpan.Zero), null, options.IdleRefresh, options.IdleRefresh);
            }
        }

        if (first)
        {
            RequestRefresh(TimeSpan.Zero);
        }

        return new Watcher(this, changed);
    }

    public void Dispose()
    {
        subscription.Dispose();
        lock (gate)
        {
            idle?.Dispose();
            idle = null;
        }

        reading.Dispose();
    }

    private void Unwatch(Action<LobbySnapshot> changed)
    {
        lock (gate)
        {
            watchers.Remove(changed);
            if (watchers.Count == 0)
            {
                idle?.Dispose();
                idle = null;
            }
        }
    }

    private void RequestRefresh(TimeSpan delay)
    {
        lock (gate)
        {
            // One read per burst: changes that arrive before the read starts ride on it; later ones schedule the next.
            if (refreshPending || watchers.Count == 0)
            {
                return;
            }

            refreshPending = true;
        }

        _ = Task.Run(() => RefreshAsync(delay));
    }

    private async Task RefreshAsync(TimeSpan delay)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time);
        }

        lock (gate)
        {
            refreshPending = false;
        }

        try
        {
            await reading.WaitAsync();
        }
        catch (ObjectDisposedException)
        {
            return; // The instance is stopping.
        }

        try
        {
            await ReadAndTellAsync();
        }
        finally
        {
            reading.Release();
        }
    }

    private async Task ReadAndTellAsync()
    {
        LobbySnapshot read;
        try
        {
            var seenSince = StoreTime.Now(time) - options.ChallengeGrace;
            read = new LobbySnapshot(
                await store.OpenChallengesAsync(seenSince, options.MaxChallenges, CancellationToken.None),
                await store.LiveListedGamesAsync(options.MaxLiveGames, CancellationToken.None));
            Interlocked.Increment(ref reads);
        }
#pragma warning disable CA1031 // A failed read leaves the lists as they were; the next change or idle tick reads again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogReadFailed(exception);
            return;
        }

        var previous = Interlocked.Exchange(ref current, read);
        if (read.SameAs(previous))
        {
            return;
        }

        Action<LobbySnapshot>[] toTell;
        lock (gate)
        {
            toTell = [.. watchers];
        }

        foreach (var watcher in toTell)
        {
            try
            {
                watcher(read);
            }
#pragma warning disable CA1031 // One page's failure must not keep the lists from the others.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogWatcherFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the lobby's lists failed; they stay as they were")]
    private partial void LogReadFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A lobby page failed to take the new lists")]
    private partial void LogWatcherFailed(Exception exception);

    private sealed class Watcher(LobbyFeed feed, Action<LobbySnapshot> changed) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                feed.Unwatch(changed);
            }
        }
    }
}
