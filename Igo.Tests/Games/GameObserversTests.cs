using Igo.Domain;
using Igo.Web.Games;
using Microsoft.Extensions.Logging.Abstractions;

namespace Igo.Tests.Games;

/// <summary>
/// The players before the spectators (docs/decisions/0014-spectators-behind-the-players.md): a change reaches the
/// spectators once the players took it, a slow player holds them only so long, stuck spectators hold no player, each
/// spectator's calls stay in order.
/// </summary>
public sealed class GameObserversTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Spectators_are_told_once_the_players_took_the_change()
    {
        using var observers = new GameObservers(1, NullLogger.Instance, TimeSpan.FromSeconds(30));
        var concurrency = new Concurrency();
        var player = new BlockingSpectator(concurrency);
        observers.Subscribe((IGameObserver)player);
        var spectator = new RecordingObserver();
        observers.Subscribe((ISpectatorObserver)spectator);

        observers.Presence(Color.Black, true);
        await player.Called.Task.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        lock (spectator.Seen)
        {
            Assert.Empty(spectator.Seen);
        }

        concurrency.ReleaseAll();
        Assert.Equal(new RecordingObserver.Presence(Color.Black, true), await spectator.WaitForAsync<RecordingObserver.Presence>());
    }

    [Fact]
    public async Task A_player_slower_than_the_wait_holds_the_spectators_no_longer()
    {
        using var observers = new GameObservers(1, NullLogger.Instance, TimeSpan.FromMilliseconds(50));
        var concurrency = new Concurrency();
        var stuck = new BlockingSpectator(concurrency);
        observers.Subscribe((IGameObserver)stuck);
        var spectator = new RecordingObserver();
        observers.Subscribe((ISpectatorObserver)spectator);

        observers.Presence(Color.White, false);

        Assert.Equal(new RecordingObserver.Presence(Color.White, false), await spectator.WaitForAsync<RecordingObserver.Presence>());
        Assert.Equal(1, concurrency.Inside);
        concurrency.ReleaseAll();
    }

    [Fact]
    public async Task A_player_is_told_while_the_spectators_are_stuck()
    {
        using var observers = new GameObservers(1, NullLogger.Instance, TimeSpan.FromSeconds(30));
        var concurrency = new Concurrency();
        var spectators = Enumerable.Range(0, 10).Select(_ => new BlockingSpectator(concurrency)).ToList();
        spectators.ForEach(s => observers.Subscribe(s));
        var player = new RecordingObserver();
        observers.Subscribe((IGameObserver)player);

        observers.Presence(Color.White, true);
        await concurrency.WaitForInsideAsync(10);
        observers.Presence(Color.Black, true);

        await player.WaitUntilSeenAsync(seen => seen.Count == 2);
        Assert.Equal(10, concurrency.Inside);
        concurrency.ReleaseAll();
    }

    [Fact]
    public async Task Each_spectator_hears_its_calls_in_order_behind_the_players()
    {
        using var observers = new GameObservers(1, NullLogger.Instance, TimeSpan.FromMilliseconds(1));
        var spectators = Enumerable.Range(0, 8).Select(_ => new RecordingObserver()).ToList();
        spectators.ForEach(s => observers.Subscribe((ISpectatorObserver)s));
        observers.Subscribe((IGameObserver)new RecordingObserver());

        for (var i = 0; i < 50; i++)
        {
            observers.Presence(i % 2 == 0 ? Color.Black : Color.White, i % 3 == 0);
        }

        var expected = Enumerable.Range(0, 50).Select(i => (object)new RecordingObserver.Presence(i % 2 == 0 ? Color.Black : Color.White, i % 3 == 0)).ToList();
        foreach (var spectator in spectators)
        {
            await spectator.WaitUntilSeenAsync(seen => seen.Count == 50);
            lock (spectator.Seen)
            {
                Assert.Equal(expected, spectator.Seen);
            }

            Assert.Equal(0, spectator.Overlaps);
        }
    }

    /// <summary>Counts the blocking observers' calls in progress; every call waits until released.</summary>
    private sealed class Concurrency
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int inside;

        public int Inside => Volatile.Read(ref inside);

        public Task Released => released.Task;

        public void ReleaseAll() => released.TrySetResult();

        public void Enter() => Interlocked.Increment(ref inside);

        public void Leave() => Interlocked.Decrement(ref inside);

        public async Task WaitForInsideAsync(int count)
        {
            var until = DateTime.UtcNow + Deadline;
            while (Inside < count)
            {
                Assert.True(DateTime.UtcNow < until, $"Only {Inside} spectators' calls in progress, expected {count}");
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }
        }
    }

    private sealed class BlockingSpectator(Concurrency concurrency) : ISpectatorObserver
    {
        public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task OnGameChangedAsync(GameSnapshot snapshot) => BlockAsync();

        public Task OnChatAsync(ChatMessage message) => BlockAsync();

        public Task OnPresenceAsync(Color color, bool connected) => BlockAsync();

        public Task OnSpectatorChatAsync(SpectatorMessage message) => BlockAsync();

        private async Task BlockAsync()
        {
            concurrency.Enter();
            Called.TrySetResult();
            try
            {
                await concurrency.Released;
            }
            finally
            {
                concurrency.Leave();
            }
        }
    }
}
