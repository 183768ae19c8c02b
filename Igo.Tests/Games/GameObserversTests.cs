using Igo.Domain;
using Igo.Web.Games;
using Microsoft.Extensions.Logging.Abstractions;

namespace Igo.Tests.Games;

/// <summary>
/// The players before the spectators (docs/decisions/0014-spectators-behind-the-players.md): spectators' calls run a
/// few at a time, a player is never held behind them, a slow spectator gives its slot back, each observer's calls
/// stay in order.
/// </summary>
public sealed class GameObserversTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Spectators_run_at_most_the_gates_width_at_a_time()
    {
        var gate = new SpectatorGate(3, TimeSpan.FromSeconds(30));
        using var observers = new GameObservers(1, NullLogger.Instance, gate);
        var concurrency = new Concurrency();
        var spectators = Enumerable.Range(0, 20).Select(_ => new BlockingSpectator(concurrency)).ToList();
        var subscriptions = spectators.Select(observers.Subscribe).ToList();

        observers.Presence(Color.Black, true);
        await concurrency.WaitForInsideAsync(3);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Equal(3, concurrency.Inside);

        concurrency.ReleaseAll();
        await Task.WhenAll(spectators.Select(s => s.Called.Task.WaitAsync(Deadline, TestContext.Current.CancellationToken)));
        Assert.Equal(3, concurrency.MostInside);
        subscriptions.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task A_player_is_told_while_every_spectator_slot_is_taken()
    {
        var gate = new SpectatorGate(2, TimeSpan.FromSeconds(30));
        using var observers = new GameObservers(1, NullLogger.Instance, gate);
        var concurrency = new Concurrency();
        var spectators = Enumerable.Range(0, 10).Select(_ => new BlockingSpectator(concurrency)).ToList();
        spectators.ForEach(s => observers.Subscribe(s));
        var player = new RecordingObserver();
        observers.Subscribe((IGameObserver)player);

        observers.Presence(Color.White, true);
        await concurrency.WaitForInsideAsync(2);

        Assert.Equal(new RecordingObserver.Presence(Color.White, true), await player.WaitForAsync<RecordingObserver.Presence>());
        Assert.Equal(2, concurrency.Inside);
        concurrency.ReleaseAll();
    }

    [Fact]
    public async Task A_spectator_slower_than_the_hold_gives_its_slot_back()
    {
        var gate = new SpectatorGate(1, TimeSpan.FromMilliseconds(50));
        using var observers = new GameObservers(1, NullLogger.Instance, gate);
        var concurrency = new Concurrency();
        var stuck = new BlockingSpectator(concurrency);
        observers.Subscribe(stuck);
        var next = new RecordingObserver();
        observers.Subscribe((ISpectatorObserver)next);

        observers.Presence(Color.Black, false);

        Assert.Equal(new RecordingObserver.Presence(Color.Black, false), await next.WaitForAsync<RecordingObserver.Presence>());
        Assert.Equal(1, concurrency.Inside);
        concurrency.ReleaseAll();
    }

    [Fact]
    public async Task Each_spectator_hears_its_calls_in_order_through_the_gate()
    {
        using var observers = new GameObservers(1, NullLogger.Instance, new SpectatorGate(2, TimeSpan.FromMilliseconds(1)));
        var spectators = Enumerable.Range(0, 8).Select(_ => new RecordingObserver()).ToList();
        spectators.ForEach(s => observers.Subscribe((ISpectatorObserver)s));

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

    /// <summary>Counts the spectators' calls in progress; every call waits until released.</summary>
    private sealed class Concurrency
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int inside;
        private int mostInside;

        public int Inside => Volatile.Read(ref inside);

        public int MostInside => Volatile.Read(ref mostInside);

        public Task Released => released.Task;

        public void ReleaseAll() => released.TrySetResult();

        public void Enter()
        {
            var now = Interlocked.Increment(ref inside);
            int most;
            while (now > (most = Volatile.Read(ref mostInside)) && Interlocked.CompareExchange(ref mostInside, now, most) != most)
            {
            }
        }

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
