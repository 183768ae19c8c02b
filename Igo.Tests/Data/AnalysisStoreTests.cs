using Igo.Data.Stores;
using Igo.Domain;

namespace Igo.Tests.Data;

/// <summary>An engine review is claimed by one instance at a time, taken over when its claim goes stale, and stored once; on both stores.</summary>
public abstract class AnalysisStoreTests<TStore>(TStore store) : IAsyncLifetime
    where TStore : IStoreFixture
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ClaimLife = TimeSpan.FromMinutes(2);
    private TestHost first = null!;
    private TestHost second = null!;

    public async ValueTask InitializeAsync()
    {
        first = await store.StartInstanceAsync(settings: TestHost.LongLease);
        second = await store.StartInstanceAsync(settings: TestHost.LongLease);
    }

    public async ValueTask DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string NewKey() => Guid.NewGuid().ToString("N")[..10];

    private async Task<long> FinishedGameAsync()
    {
        var games = first.Get<GameStore>();
        var black = NewKey();
        var gameId = await games.CreateGameAsync(new NewGame(9, Ruleset.Japanese(), black, NewKey(), Color.Black, new KeyHolder(first.InstanceId, "c"), null, null, T0), Cancel);
        var resign = new ActionCommit(
            gameId, 0, black, new KeyHolder(first.InstanceId, "c"), new GameAction(ActionType.Resign, Color.Black, null, T0.AddSeconds(1)),
            GameStatus.Complete, new GameResult(ResultType.Resignation, Color.White), 1, T0.AddSeconds(1), null);
        Assert.IsType<WriteResult.Action>(Assert.Single(await games.CommitAsync([resign], Cancel)));
        return gameId;
    }

    [Fact]
    public async Task Two_instances_claiming_at_once_get_one_claim()
    {
        var gameId = await FinishedGameAsync();

        var claims = await Task.WhenAll(
            first.Get<AnalysisStore>().TryClaimAsync(gameId, first.InstanceId, T0, T0 - ClaimLife, Cancel),
            second.Get<AnalysisStore>().TryClaimAsync(gameId, second.InstanceId, T0, T0 - ClaimLife, Cancel));

        Assert.Single(claims, claimed => claimed);
        Assert.False(await first.Get<AnalysisStore>().TryClaimAsync(gameId, first.InstanceId, T0.AddSeconds(30), T0.AddSeconds(30) - ClaimLife, Cancel));
        Assert.Equal(new StoredAnalysis(false, null, null), await first.Get<AnalysisStore>().LoadAsync(gameId, Cancel));
    }

    [Fact]
    public async Task A_dead_instance_s_claim_is_taken_over_and_its_late_result_is_refused()
    {
        var gameId = await FinishedGameAsync();
        var reviews = first.Get<AnalysisStore>();
        Assert.True(await reviews.TryClaimAsync(gameId, first.InstanceId, T0, T0 - ClaimLife, Cancel));
        Assert.True(await reviews.RefreshClaimAsync(gameId, first.InstanceId, T0.AddMinutes(1), Cancel));

        // Within the claim's life of its last refresh, the game is not offered; past it, it is, and is taken over.
        var soon = T0.AddMinutes(2);
        Assert.DoesNotContain(gameId, await second.Get<AnalysisStore>().NextToAnalyseAsync(soon - ClaimLife, 100, Cancel));
        Assert.False(await second.Get<AnalysisStore>().TryClaimAsync(gameId, second.InstanceId, soon, soon - ClaimLife, Cancel));
        var late = T0.AddMinutes(4);
        Assert.Contains(gameId, await second.Get<AnalysisStore>().NextToAnalyseAsync(late - ClaimLife, 100, Cancel));
        Assert.True(await second.Get<AnalysisStore>().TryClaimAsync(gameId, second.InstanceId, late, late - ClaimLife, Cancel));

        Assert.False(await reviews.RefreshClaimAsync(gameId, first.InstanceId, late, Cancel));
        Assert.False(await reviews.CompleteAsync(gameId, first.InstanceId, "playouts", [1, 2], late, Cancel));
        Assert.True(await second.Get<AnalysisStore>().CompleteAsync(gameId, second.InstanceId, "gnugo", [0.5, -3.25, 12], late.AddSeconds(5), Cancel));

        Assert.Equal(new StoredAnalysis(true, "gnugo", null), (await reviews.LoadAsync(gameId, Cancel))! with { Leads = null });
        Assert.Equal([0.5, -3.25, 12], (await reviews.LoadAsync(gameId, Cancel))!.Leads);
        var muchLater = T0.AddHours(1);
        Assert.False(await reviews.TryClaimAsync(gameId, first.InstanceId, muchLater, muchLater - ClaimLife, Cancel));
        Assert.DoesNotContain(gameId, await reviews.NextToAnalyseAsync(muchLater - ClaimLife, 100, Cancel));
    }
}

[Trait("Category", "Data")]
public sealed class PostgresAnalysisStoreTests(PostgresStore store) : AnalysisStoreTests<PostgresStore>(store), IClassFixture<PostgresStore>;

[Trait("Category", "Data")]
public sealed class SqliteAnalysisStoreTests(SqliteStore store) : AnalysisStoreTests<SqliteStore>(store), IClassFixture<SqliteStore>;
