using Igo.Testing.Waiting;
namespace Igo.Tests.Faults;

[Collection(SerialFaults.Name)]
[Trait("Category", "Faults")]
public sealed class DatabaseOutageTests(ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly TimeSpan ReconnectTimeout = TimeSpan.FromSeconds(30);

    private readonly TwoInstances cluster = new();

    public ValueTask InitializeAsync() => cluster.InitializeAsync();

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task When_every_database_connection_is_terminated_both_instances_recover_without_restart_and_no_action_is_lost_or_doubled()
    {
        Uri[] instances = [cluster.A.WebSocketUri, cluster.B.WebSocketUri];
        var (pidA, pidB) = (cluster.A.ProcessId, cluster.B.ProcessId);
        var games = new List<TwoPlayerGame>
        {
            await TwoPlayerGame.StartAsync(instances, blackOn: 0, whiteOn: 1),
            await TwoPlayerGame.StartAsync(instances, blackOn: 1, whiteOn: 0),
            await TwoPlayerGame.StartAsync(instances, blackOn: 0, whiteOn: 0),
        };
        try
        {
            await Task.WhenAll(games.Select(game => game.PlayAsync(4, ReconnectTimeout)));

            for (var outage = 1; outage <= 2; outage++)
            {
                // Mid-game, with the games still playing: every pooled, listening and leasing connection dies at once.
                var acknowledged = games.Sum(game => game.Acknowledged.Count);
                var playing = Task.WhenAll(games.Select(game => game.PlayAsync(6, ReconnectTimeout)));
                await Eventually.HoldsAsync(() => games.Sum(game => game.Acknowledged.Count) > acknowledged, TestContext.Current.CancellationToken);
                // Both instances listen again (after the first outage: they reconnected by themselves).
                await Eventually.QueriesAsync(
                    () => cluster.Store.ListenersAsync(),
                    listeners => listeners >= 2,
                    TestContext.Current.CancellationToken,
                    TimeSpan.FromSeconds(15),
                    "both instances to listen again (listeners)");
                log.WriteLine($"outage {outage}: both instances listening");
                var terminated = await cluster.Store.TerminateOtherBackendsAsync();
                log.WriteLine($"outage {outage}: terminated {terminated} backends");
                Assert.True(terminated >= 2, $"both instances should have had connections to kill\nA:\n{cluster.A.RecentOutput}\nB:\n{cluster.B.RecentOutput}");

                // Every placement after the outage still reaches the opponent on the other instance (PlayNextAsync
                // waits for that): the LISTEN connections came back.
                await playing;
            }

            Assert.False(cluster.A.HasExited);
            Assert.False(cluster.B.HasExited);
            Assert.Equal((pidA, pidB), (cluster.A.ProcessId, cluster.B.ProcessId));
            foreach (var game in games)
            {
                Assert.Equal(16, game.Acknowledged.Count);
                game.GameId = await cluster.Store.GameIdAsync(game.Black.Key);
                game.AssertStoreHoldsExactly(await cluster.Store.ActionsAsync(game.GameId));
                Assert.Equal(game.ExpectedBoard(), game.Black.Board);
                Assert.Equal(game.ExpectedBoard(), game.White.Board);
                var stored = await cluster.Store.GameAsync(game.GameId);
                Assert.Equal(16, stored.Version);
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
