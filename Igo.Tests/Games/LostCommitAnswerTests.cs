using Igo.Data.Stores;
using Igo.Domain;
using Igo.Tests.Data;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Igo.Tests.Games;

/// <summary>
/// The ambiguous commit: PostgreSQL committed the action but the app never heard (the connection died after COMMIT).
/// The action stands, so the mover must be told it succeeded and the opponent on another instance must see it.
/// </summary>
[Trait("Category", "Data")]
public sealed class LostCommitAnswerTests(PostgresStore store) : IClassFixture<PostgresStore>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_action_committed_whose_answer_was_lost_is_reported_as_played_and_reaches_the_other_instance()
    {
        var commits = new AnswerLosingCommits();
        await using var a = await store.StartInstanceAsync(services => services.AddSingleton<IActionCommits>(provider =>
        {
            commits.Inner = provider.GetRequiredService<GameStore>();
            return commits;
        }));
        await using var b = await store.StartInstanceAsync();
        await PostgresEventBusTests.WaitUntilListeningAsync(b);
        await using var black = (await a.Get<IGameCoordinator>().CreateGameAsync(
            new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human), new SeatHolder(ConnectionKind.Socket, "a"), Cancel)).Seat!;
        await using var white = (await b.Get<IGameCoordinator>().JoinGameAsync(black.Keys.White, null, new SeatHolder(ConnectionKind.Socket, "b"), Cancel)).Seat!;
        var whiteSees = new RecordingObserver();
        using var subscription = white.Subscribe(whiteSees);

        commits.LoseNextAnswer = true;
        var reply = await black.ActAsync(ActionType.PlaceStone, new Point(4, 4), Cancel);

        Assert.Equal(1, commits.AnswersLost);
        Assert.True(reply.Success, reply.ToString());
        Assert.Equal((Stone.Black, 1), (black.Snapshot.View[new Point(4, 4)].Stone, black.Snapshot.View.Version));
        var seen = await whiteSees.WaitForVersionAsync(1);
        Assert.Equal(Stone.Black, seen.View[new Point(4, 4)].Stone);
        Assert.Equal(1, await StoredActionsAsync(black.GameId));

        // And the game goes on from there on both instances, with nothing applied twice.
        Assert.True((await white.ActAsync(ActionType.PlaceStone, new Point(2, 2), Cancel)).Success);
        Assert.Equal(2, await StoredActionsAsync(black.GameId));
    }

    [Fact]
    public async Task An_action_the_store_never_committed_is_reported_as_failed_and_changes_nothing()
    {
        var commits = new AnswerLosingCommits();
        await using var a = await store.StartInstanceAsync(services => services.AddSingleton<IActionCommits>(provider =>
        {
            commits.Inner = provider.GetRequiredService<GameStore>();
            return commits;
        }));
        await using var black = (await a.Get<IGameCoordinator>().CreateGameAsync(
            new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human), new SeatHolder(ConnectionKind.Socket, "a"), Cancel)).Seat!;

        commits.FailNextBeforeCommit = true;
        var reply = await black.ActAsync(ActionType.PlaceStone, new Point(4, 4), Cancel);

        Assert.Equal(ActionReply.Refused(ActionFailure.Unavailable), reply);
        Assert.Equal((Stone.Empty, 0), (black.Snapshot.View[new Point(4, 4)].Stone, black.Snapshot.View.Version));
        Assert.Equal(0, await StoredActionsAsync(black.GameId));
        Assert.True((await black.ActAsync(ActionType.PlaceStone, new Point(4, 4), Cancel)).Success);
    }

    private async Task<long> StoredActionsAsync(long gameId)
    {
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM actions WHERE game_id = $1", connection);
        count.Parameters.Add(new NpgsqlParameter<long> { TypedValue = gameId });
        return (long)(await count.ExecuteScalarAsync(Cancel))!;
    }

    /// <summary>Commits through the real store, then, once, throws as if the connection had died before the answer.</summary>
    private sealed class AnswerLosingCommits : IActionCommits
    {
        public GameStore Inner { get; set; } = null!;

        public volatile bool LoseNextAnswer;

        public volatile bool FailNextBeforeCommit;

        public int AnswersLost { get; private set; }

        public async Task<IReadOnlyList<WriteResult>> CommitAsync(IReadOnlyList<StoreWrite> writes, CancellationToken cancellationToken)
        {
            if (FailNextBeforeCommit)
            {
                FailNextBeforeCommit = false;
                throw new NpgsqlException("Exception while reading from stream (the test cut the connection before COMMIT)");
            }

            var results = await Inner.CommitAsync(writes, cancellationToken);
            if (LoseNextAnswer)
            {
                LoseNextAnswer = false;
                AnswersLost++;
                throw new NpgsqlException("Exception while reading from stream (the test cut the connection after COMMIT)");
            }

            return results;
        }
    }
}
