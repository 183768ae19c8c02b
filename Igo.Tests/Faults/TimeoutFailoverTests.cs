using Igo.Data;
using Igo.Data.Stores;
using Igo.Domain;
using Igo.Testing.Waiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Igo.Tests.Faults;

/// <summary>
/// A timed game whose both players are on an instance that is killed while one of them is thinking: the other
/// instance's timeout sweep ends the game on time once, with one result, and both players see it when they come back.
/// </summary>
[Collection(SerialFaults.Name)]
[Trait("Category", "Faults")]
public sealed class TimeoutFailoverTests(ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly TimeSpan MainTime = TimeSpan.FromSeconds(6);

    private readonly TwoInstances cluster = new();

    public ValueTask InitializeAsync() => cluster.InitializeAsync();

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task A_flag_that_falls_after_the_hosting_instance_is_killed_ends_the_game_once_on_the_survivor()
    {
        var (gameId, blackKey, whiteKey) = await NewTimedGameAsync(TimeControl.Absolute(MainTime));
        Uri[] instances = [cluster.A.WebSocketUri, cluster.B.WebSocketUri];
        await using var black = await FrontendLikeClient.JoinAsync(instances, 0, blackKey);
        await using var white = await FrontendLikeClient.JoinAsync(instances, 0, whiteKey);

        // Both first moves are free; then black's clock runs, and black never moves again.
        Assert.True((await black.ActAsync("place_stone", 2, 2)).Success);
        Assert.True((await white.ActAsync("place_stone", 6, 6)).Success);
        await cluster.A.KillAsync();
        var sinceKill = System.Diagnostics.Stopwatch.StartNew();

        await Eventually.QueriesAsync(
            () => cluster.Store.GameAsync(gameId),
            game => game.Status == "complete",
            TestContext.Current.CancellationToken,
            MainTime + TimeSpan.FromSeconds(10),
            $"the survivor to time black out (B:\n{cluster.B.RecentOutput})");

        log.WriteLine($"timed out {sinceKill.Elapsed.TotalSeconds:F1} s after the kill ({MainTime.TotalSeconds} s of main time)");
        Assert.Equal(("complete", "time", "white", 3), await cluster.Store.GameAsync(gameId));
        var actions = await cluster.Store.ActionsAsync(gameId);
        Assert.Equal([("place_stone", "black"), ("place_stone", "white"), ("timeout", "black")], actions.Select(a => (a.Type, a.Color)));

        // Both players come back (on the survivor) and are shown the game over, won by white.
        await Task.WhenAll(black.ReconnectAsync(TimeSpan.FromSeconds(20)), white.ReconnectAsync(TimeSpan.FromSeconds(20)));
        foreach (var player in new[] { black, white })
        {
            await player.WaitForStatusAsync(status => status.GetProperty("status").GetString() == "complete");
            Assert.Equal("white", player.LastStatus.GetProperty("result").GetProperty("winner").GetString());
        }

        Assert.Equal(3, (await cluster.Store.GameAsync(gameId)).Version);
    }

    /// <summary>A timed game stored behind the instances' backs (the frontend creates only untimed ones), its keys free.</summary>
    private async Task<(long GameId, string Black, string White)> NewTimedGameAsync(TimeControl control)
    {
        var options = new DbContextOptionsBuilder<IgoDbContext>().UseNpgsql(cluster.ConnectionString).Options;
        var store = new GameStore(new PooledDbContextFactory<IgoDbContext>(options));
        var (black, white) = (Guid.NewGuid().ToString("N")[..10], Guid.NewGuid().ToString("N")[..10]);
        var creator = new KeyHolder(Guid.NewGuid(), "setup");
        var now = StoreTime.Now(TimeProvider.System);
        var gameId = await store.CreateGameAsync(new NewGame(9, Ruleset.Japanese(), black, white, Color.Black, creator, null, null, now, control), TestContext.Current.CancellationToken);
        await store.ReleaseKeyAsync(new KeyRelease(gameId, black, creator, now), TestContext.Current.CancellationToken);
        return (gameId, black, white);
    }
}
