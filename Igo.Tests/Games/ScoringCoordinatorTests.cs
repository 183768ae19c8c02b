using Igo.Domain;
using Igo.Tests.Data;
using Igo.Web.Games;

namespace Igo.Tests.Games;

/// <summary>
/// The scoring phase through the coordinator, black on one instance and white on another: the count accepted for a
/// marking version, decided on the game's queue, and a stale acceptance refused whether it loses a race or arrives late.
/// </summary>
public abstract class ScoringCoordinatorTests<TStore>(TStore store) : IAsyncLifetime
    where TStore : IStoreFixture
{
    private static readonly Point BlackStone = new(2, 2);

    private TestHost A { get; set; } = null!;

    private TestHost B { get; set; } = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Long leases, as in CoordinatorTests: under load a 1.5 s test lease can lapse and release a key mid-test.</summary>
    public async ValueTask InitializeAsync()
    {
        A = await store.StartInstanceAsync(null, TestHost.LongLease);
        B = await store.StartInstanceAsync(null, TestHost.LongLease);
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Both_players_accepting_the_count_end_the_game_on_the_marking_they_saw()
    {
        var (black, white) = await InScoringAsync();
        Assert.True((await white.ActAsync(ActionType.MarkGroupDead, BlackStone, Cancel)).Success);
        await UntilAsync(black, view => view.Scoring?.Marking.Version == 1);

        var first = await black.AcceptCountAsync(1, Cancel);
        Assert.True(first.Success, first.ToString());
        Assert.Equal(Color.Black, first.Produced?.View.Scoring?.Accepted);
        await UntilAsync(white, view => view.Scoring?.Accepted == Color.Black);
        var second = await white.AcceptCountAsync(1, Cancel);

        Assert.True(second.Success, second.ToString());
        var ended = second.Produced!.View;
        Assert.Equal(GameStatus.Complete, ended.Status);
        Assert.Equal(new GameResult(ResultType.StandardWin, Color.White), ended.Result);
        Assert.True(ended[BlackStone].MarkedDead);
        Assert.Equal(1, ended.Scoring?.Count.Prisoners.White);
    }

    [Fact]
    public async Task An_acceptance_of_a_marking_changed_since_is_refused_and_ends_nothing()
    {
        var (black, white) = await InScoringAsync();
        Assert.True((await white.ActAsync(ActionType.MarkGroupDead, BlackStone, Cancel)).Success);

        var stale = await black.AcceptCountAsync(0, Cancel);

        Assert.Equal(new ActionRefusal.StaleMarking(0, 1), stale.Outcome);
        var view = await UntilAsync(white, current => current.Version == 5);
        Assert.Equal(GameStatus.Endgame, view.Status);
        Assert.Null(view.Scoring?.Accepted);
    }

    [Fact]
    public async Task An_acceptance_racing_a_change_of_the_marking_never_ends_the_game_on_the_marking_it_did_not_see()
    {
        var (black, white) = await InScoringAsync();
        var accepting = black.AcceptCountAsync(0, Cancel);
        var marking = white.ActAsync(ActionType.MarkGroupDead, BlackStone, Cancel);
        var (accepted, marked) = (await accepting, await marking);

        // Whichever came first, the other either follows it (the change withdraws the acceptance) or is refused.
        var expectedVersion = 4 + (accepted.Success ? 1 : 0) + (marked.Success ? 1 : 0);
        var view = await UntilAsync(white, current => current.Version == expectedVersion);
        await UntilAsync(black, current => current.Version == expectedVersion);
        Assert.NotEqual(GameStatus.Complete, view.Status);
        Assert.True(accepted.Success || marked.Success);
        if (marked.Success)
        {
            Assert.Equal(1, view.Scoring?.Marking.Version);
            Assert.Null(view.Scoring?.Accepted);
            Assert.Equal(accepted.Success ? Color.Black : null, (marked.Outcome as ActionOutcome.GroupMarked)?.Withdrawn);
        }
        else
        {
            Assert.Equal(Color.Black, view.Scoring?.Accepted);
            Assert.Equal(0, view.Scoring?.Marking.Version);
        }

        var late = await white.AcceptCountAsync(0, Cancel);
        Assert.Equal(marked.Success, late.Outcome is ActionRefusal.StaleMarking);
    }

    private Task<(IGameSeat Black, IGameSeat White)> InScoringAsync() => ScoringGames.InScoringAsync(A, B, BlackStone, Cancel);

    private static Task<GameView> UntilAsync(IGameSeat seat, Func<GameView, bool> condition) => ScoringGames.UntilAsync(seat, condition, Cancel);
}

[Trait("Category", "Data")]
public sealed class PostgresScoringCoordinatorTests(PostgresStore store) : ScoringCoordinatorTests<PostgresStore>(store), IClassFixture<PostgresStore>;

[Trait("Category", "Data")]
public sealed class SqliteScoringCoordinatorTests(SqliteStore store) : ScoringCoordinatorTests<SqliteStore>(store), IClassFixture<SqliteStore>;
