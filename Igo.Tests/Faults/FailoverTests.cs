using System.Diagnostics;
using System.Globalization;
using Igo.Testing.Waiting;

namespace Igo.Tests.Faults;

/// <summary>
/// A crashed instance's players rejoin on another within seconds with the app's own settings (a 15 s lease): the
/// survivor sees the crashed instance's listener lock released and frees its keys (docs/decisions/0007-listener-lock.md).
/// </summary>
[Collection(SerialFaults.Name)]
[Trait("Category", "Faults")]
public sealed class FailoverTests(ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly TimeSpan Failover = TimeSpan.FromSeconds(5);

    /// <summary>With the defaults an instance judges others once its own listener has held its lock for 6 s (the 5 s
    /// reconnect back-off and two heartbeats), and those it has seen holding theirs: a survivor younger than that, or
    /// one that has not looked since, would leave the killed instance to its lease.</summary>
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(7);

    private readonly TwoInstances cluster = new(new Dictionary<string, string>());

    public ValueTask InitializeAsync() => cluster.InitializeAsync();

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task After_a_SIGKILL_the_killed_instance_s_players_rejoin_on_the_other_within_5_seconds()
    {
        Uri[] instances = [cluster.A.WebSocketUri, cluster.B.WebSocketUri];
        var games = new List<TwoPlayerGame>
        {
            await TwoPlayerGame.StartAsync(instances, blackOn: 0, whiteOn: 1),
            await TwoPlayerGame.StartAsync(instances, blackOn: 0, whiteOn: 0),
        };
        try
        {
            await Task.WhenAll(games.Select(game => game.PlayAsync(4, Failover)));
            var stranded = games.SelectMany(game => new[] { game.Black, game.White }).Where(player => player.Instance == cluster.A.WebSocketUri).ToList();
            Assert.Equal(3, stranded.Count);
            await Eventually.QueriesAsync(
                () => cluster.Store.YoungestListenerAgeAsync(),
                age => age >= Settled,
                TestContext.Current.CancellationToken,
                Settled + Eventually.DefaultTimeout,
                "both instances' listeners to have settled (youngest listener's age)");

            var killed = await cluster.Store.HolderInstanceAsync(stranded[0].Key);
            Assert.NotNull(killed);
            await cluster.A.KillAsync();
            var sinceKill = Stopwatch.StartNew();

            // As the frontend does: try again every 2 s, going to the other instance when one refuses.
            var rejoining = Task.WhenAll(stranded.Select(player => player.ReconnectAsync(Failover + Failover)));
            await Eventually.QueriesAsync(
                () => cluster.Store.KeysHeldByAsync(killed.Value),
                held => held == 0,
                TestContext.Current.CancellationToken,
                Failover + Failover,
                "the killed instance's keys to be freed (keys it still held)");

            var freed = sinceKill.Elapsed;
            var rejoins = await rejoining;
            var rejoined = sinceKill.Elapsed;
            log.WriteLine($"keys freed {freed.TotalSeconds:F1} s after the kill; all {stranded.Count} players of the killed instance rejoined after {rejoined.TotalSeconds:F1} s (each: {string.Join(", ", rejoins.Select(t => t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)))} s)");

            Assert.True(rejoined < Failover, $"the killed instance's players rejoined only {rejoined.TotalSeconds:F1} s after the kill\nB:\n{cluster.B.RecentOutput}");
            Assert.All(stranded, player => Assert.Equal(cluster.B.WebSocketUri, player.Instance));

            // And the games go on, every player now on the survivor.
            await Task.WhenAll(games.Select(game => game.PlayAsync(2, Failover)));
            foreach (var game in games)
            {
                Assert.Equal(game.ExpectedBoard(), game.Black.Board);
                Assert.Equal(game.ExpectedBoard(), game.White.Board);
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
