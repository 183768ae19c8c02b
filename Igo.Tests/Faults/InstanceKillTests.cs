using System.Diagnostics;
using Igo.Testing.Waiting;

namespace Igo.Tests.Faults;

[Collection(SerialFaults.Name)]
[Trait("Category", "Faults")]
public sealed class InstanceKillTests(ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly TimeSpan ReconnectTimeout = TimeSpan.FromSeconds(30);

    private readonly TwoInstances cluster = new();

    public ValueTask InitializeAsync() => cluster.InitializeAsync();

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task After_a_SIGKILL_nothing_acknowledged_is_lost_its_keys_come_free_within_the_lease_and_its_players_go_on_elsewhere()
    {
        Uri[] instances = [cluster.A.WebSocketUri, cluster.B.WebSocketUri];
        var games = new List<TwoPlayerGame>
        {
            await TwoPlayerGame.StartAsync(instances, blackOn: 0, whiteOn: 1),
            await TwoPlayerGame.StartAsync(instances, blackOn: 1, whiteOn: 0),
            await TwoPlayerGame.StartAsync(instances, blackOn: 0, whiteOn: 0),
            await TwoPlayerGame.StartAsync(instances, blackOn: 1, whiteOn: 1),
        };
        try
        {
            await Task.WhenAll(games.Select(game => game.PlayAsync(6, ReconnectTimeout)));
            foreach (var game in games)
            {
                game.GameId = await cluster.Store.GameIdAsync(game.Black.Key);
            }

            var killedInstance = await cluster.Store.HolderInstanceAsync(games[0].Black.Key);
            Assert.NotNull(killedInstance);
            var stranded = games.SelectMany(game => new[] { game.Black, game.White }).Where(player => player.Instance == cluster.A.WebSocketUri).ToList();
            Assert.Equal(4, stranded.Count);

            await cluster.A.KillAsync();
            var sinceKill = Stopwatch.StartNew();

            // Every acknowledged placement is durable: the store has exactly those, each once.
            foreach (var game in games)
            {
                game.AssertStoreHoldsExactly(await cluster.Store.ActionsAsync(game.GameId));
            }

            // The players of the killed instance come back through the other one, as the frontend does.
            var rejoins = stranded.Select(player => player.ReconnectAsync(ReconnectTimeout)).ToList();
            await Eventually.QueriesAsync(
                () => cluster.Store.KeysHeldByAsync(killedInstance.Value),
                held => held == 0,
                TestContext.Current.CancellationToken,
                ReconnectTimeout,
                "the killed instance's keys to be freed (keys it still held)");

            var freedAfter = sinceKill.Elapsed;
            var rejoinTimes = await Task.WhenAll(rejoins);
            log.WriteLine($"keys of the killed instance freed after {freedAfter.TotalSeconds:F1} s (lease {TwoInstances.Lease.TotalSeconds} s, heartbeat {TwoInstances.Heartbeat.TotalSeconds} s); rejoins took {string.Join(", ", rejoinTimes.Select(t => t.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))} s");

            // Freed within the lease: the last heartbeat was at most one interval before the kill, and the survivor's
            // next sweep after expiry at most one interval later; one more second for a CPU shared by many runs.
            Assert.True(
                freedAfter <= TwoInstances.Lease + TwoInstances.Heartbeat + TimeSpan.FromSeconds(1),
                $"keys freed only after {freedAfter.TotalSeconds:F1} s");

            // What they are shown after the rejoin is everything acknowledged before the kill.
            foreach (var player in stranded)
            {
                Assert.Equal(cluster.B.WebSocketUri, player.Instance);
                var game = games.Single(g => g.Black == player || g.White == player);
                Assert.Equal(game.ExpectedBoard(), player.Board);
            }

            // And the games go on, with both players on the survivor.
            await Task.WhenAll(games.Select(game => game.PlayAsync(4, ReconnectTimeout)));
            foreach (var game in games)
            {
                Assert.Equal(10, game.Acknowledged.Count);
                Assert.Equal(game.ExpectedBoard(), game.Black.Board);
                Assert.Equal(game.ExpectedBoard(), game.White.Board);
                game.AssertStoreHoldsExactly(await cluster.Store.ActionsAsync(game.GameId));
            }
        }
        finally
        {
            foreach (var game in games)
            {
                await game.DisposeAsync();
            }
        }
    }
}
