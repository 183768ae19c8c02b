using Igo.Domain;
using Igo.Tests.Data;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;

namespace Igo.Tests.Games;

/// <summary>
/// The engine's suggestion as the scoring phase's starting marking, through the coordinator: black on one instance,
/// white on the other, each instance with an engine that holds its answer until the test lets it go. The suggestion is
/// committed once, seen by both players, and a late one neither undoes a correction nor withdraws an acceptance.
/// </summary>
public abstract class SuggestedMarkingCoordinatorTests<TStore>(TStore store) : IAsyncLifetime
    where TStore : IStoreFixture
{
    private static readonly Point BlackStone = new(2, 2);

    private readonly HeldSuggester onA = new([BlackStone]);
    private readonly HeldSuggester onB = new([BlackStone]);

    private TestHost A { get; set; } = null!;

    private TestHost B { get; set; } = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        A = await store.StartInstanceAsync(services => services.AddSingleton<IMarkingSuggester>(onA), TestHost.LongLease);
        B = await store.StartInstanceAsync(services => services.AddSingleton<IMarkingSuggester>(onB), TestHost.LongLease);
    }

    public async ValueTask DisposeAsync()
    {
        onA.Release();
        onB.Release();
        await A.DisposeAsync();
        await B.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_suggestion_is_the_starting_marking_both_players_see_and_it_lands_once()
    {
        var (black, white) = await InScoringAsync();

        // White's pass was committed on B: B asks its engine, and only B.
        Assert.True(await onB.Asked.Task.WaitAsync(EventRecorder.Deadline, Cancel) is { Scoring: not null });
        onB.Release();
        var seen = await UntilAsync(black, view => view.Scoring?.Marking.Version == 1);
        await UntilAsync(white, view => view.Scoring?.Marking.Version == 1);

        Assert.True(seen[BlackStone].MarkedDead);
        Assert.Equal(1, seen.Scoring!.Count.Prisoners.White);
        Assert.False(onA.Asked.Task.IsCompleted);

        // The players go on from it: an acceptance of the suggested marking and the other's end the game on it.
        Assert.True((await black.AcceptCountAsync(1, Cancel)).Success);
        await UntilAsync(white, view => view.Scoring?.Accepted == Color.Black);
        var ended = (await white.AcceptCountAsync(1, Cancel)).Produced!.View;
        Assert.Equal(GameStatus.Complete, ended.Status);
        Assert.Equal(5 + 2, ended.Version);
    }

    [Fact]
    public async Task A_suggestion_arriving_after_a_player_marked_changes_nothing()
    {
        var (black, white) = await InScoringAsync();
        await onB.Asked.Task.WaitAsync(EventRecorder.Deadline, Cancel);

        // White marks a group before the engine answers, and calls it alive again: the marking is the players' now.
        Assert.True((await white.ActAsync(ActionType.MarkGroupDead, BlackStone, Cancel)).Success);
        Assert.True((await white.ActAsync(ActionType.MarkGroupAlive, BlackStone, Cancel)).Success);
        onB.Release();
        await onB.AppliedAsync(white);

        var view = await UntilAsync(black, current => current.Version == 6);
        Assert.False(view[BlackStone].MarkedDead);
        Assert.Equal(2, view.Scoring!.Marking.Version);
        Assert.Equal(6, white.Snapshot.View.Version);
    }

    [Fact]
    public async Task A_suggestion_arriving_after_an_acceptance_does_not_withdraw_it()
    {
        var (black, white) = await InScoringAsync();
        await onB.Asked.Task.WaitAsync(EventRecorder.Deadline, Cancel);
        Assert.True((await black.AcceptCountAsync(0, Cancel)).Success);

        onB.Release();
        await onB.AppliedAsync(white);

        var view = await UntilAsync(white, current => current.Scoring?.Accepted == Color.Black);
        Assert.Equal(5, view.Version);
        Assert.Empty(view.Scoring!.Marking.Dead);
    }

    [Fact]
    public async Task A_player_cannot_send_the_servers_suggestion()
    {
        var (black, _) = await InScoringAsync();

        var reply = await black.ActAsync(ActionType.SuggestDead, BlackStone, Cancel);

        Assert.Equal(new ActionRefusal.UnknownAction(ActionType.SuggestDead), reply.Outcome);
        Assert.Equal(4, black.Snapshot.View.Version);
    }

    private Task<(IGameSeat Black, IGameSeat White)> InScoringAsync() => ScoringGames.InScoringAsync(A, B, BlackStone, Cancel);

    private static Task<GameView> UntilAsync(IGameSeat seat, Func<GameView, bool> condition) => ScoringGames.UntilAsync(seat, condition, Cancel);

    /// <summary>An engine that says <paramref name="dead"/> once the test releases it, and tells when it was asked.</summary>
    private sealed class HeldSuggester(IReadOnlyList<Point> dead) : IMarkingSuggester
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ReadOnce answer = new(dead);

        public TaskCompletionSource<GameView> Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IReadOnlyList<Point>> SuggestDeadAsync(GameView view, CancellationToken cancellationToken = default)
        {
            Asked.TrySetResult(view);
            await released.Task;
            return answer;
        }

        public void Release() => released.TrySetResult();

        /// <summary>
        /// Completes once <paramref name="seat"/>'s game queue on its instance has judged the suggestion: the engine's
        /// answer is being read on the queue, so a chat line queued after that is taken after it.
        /// </summary>
        public async Task AppliedAsync(IGameSeat seat)
        {
            await answer.Read.Task.WaitAsync(EventRecorder.Deadline);
            Assert.True((await seat.ChatAsync("after the suggestion")).Success);
        }
    }
}

/// <summary>A list that says when it is first read (the game's queue reads the engine's answer there).</summary>
internal sealed class ReadOnce(IReadOnlyList<Point> points) : IReadOnlyList<Point>
{
    public TaskCompletionSource Read { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count => points.Count;

    public Point this[int index] => points[index];

    public IEnumerator<Point> GetEnumerator()
    {
        Read.TrySetResult();
        return points.GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

[Trait("Category", "Data")]
public sealed class PostgresSuggestedMarkingCoordinatorTests(PostgresStore store) : SuggestedMarkingCoordinatorTests<PostgresStore>(store), IClassFixture<PostgresStore>;

[Trait("Category", "Data")]
public sealed class SqliteSuggestedMarkingCoordinatorTests(SqliteStore store) : SuggestedMarkingCoordinatorTests<SqliteStore>(store), IClassFixture<SqliteStore>;
