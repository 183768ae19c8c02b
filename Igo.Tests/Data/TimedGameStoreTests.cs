using Igo.Data.Presence;
using Igo.Data.Stores;
using Igo.Domain;

namespace Igo.Tests.Data;

/// <summary>
/// What the store keeps of timed games, on PostgreSQL and SQLite: the time control, each action's thinking time (so
/// the stored log replays to the very clocks that were played), the running clock's deadline that the timeout sweep
/// reads, and since when a player's key has been let go.
/// </summary>
public abstract class TimedGameStoreTests<TStore>(TStore store) : OneInstanceStoreTests(store)
    where TStore : IStoreFixture
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private KeyHolder Creator => Holder("creator");

    private KeyHolder Opponent => Holder("opponent");

    [Theory]
    [MemberData(nameof(StoredTimeControls.Names), MemberType = typeof(StoredTimeControls))]
    public async Task A_games_time_control_round_trips(string name)
    {
        var control = StoredTimeControls.ByName[name];

        var (gameId, _, _) = await NewGameAsync(control, Creator);
        var stored = await Games.LoadGameAsync(gameId, Cancel);

        Assert.Equal(control, stored!.Game.TimeControl);
        Assert.Null(stored.Game.Deadline);
    }

    [Fact]
    public async Task The_stored_log_replays_to_the_clocks_that_were_played_and_the_deadline_follows_every_commit()
    {
        var control = TimeControl.ByoYomi(TimeSpan.FromSeconds(20), 3, TimeSpan.FromSeconds(10));
        var (gameId, black, white) = await NewGameAsync(control, Creator);
        await Games.TakeKeyAsync(new KeyTake(white, Opponent, null, T0), Cancel);
        var game = Game.Create(9, Ruleset.Japanese(), control);
        var at = T0;
        var deadlines = new List<DateTimeOffset?>();
        foreach (var (thinkingMs, row) in new[] { (4_000, 0), (3_000, 1), (25_001, 2), (12_345, 3), (9_999, 4) })
        {
            at += TimeSpan.FromMilliseconds(thinkingMs);
            var player = game.Turn;
            var thinking = game.Clock.Running is { } running ? at - running.Since : (TimeSpan?)null;
            var action = new GameAction(ActionType.PlaceStone, player, new Point(row, 0), at, thinking);
            Assert.True(game.Apply(action).Accepted);
            var (key, holder) = player == Color.Black ? (black, Creator) : (white, Opponent);
            var commit = new ActionCommit(gameId, game.Version - 1, key, holder, action, game.Status, game.Result, 0, at, game.Clock.Deadline);
            Assert.Equal([new WriteResult.Action(CommitResult.Committed)], await Games.CommitAsync([commit], Cancel));
            deadlines.Add((await Games.LoadGameAsync(gameId, Cancel))!.Game.Deadline);
        }

        var stored = await Games.LoadGameAsync(gameId, Cancel);
        var replayed = Game.Replay(9, Ruleset.Japanese(), stored!.Game.TimeControl, stored.Actions);

        Assert.Equal(game.Actions, stored.Actions);
        Assert.Equal([null, null, 25_001, 12_345, 9_999], stored.Actions.Select(a => a.Thinking?.TotalMilliseconds)); // first moves are free
        Assert.Equal(game.Clock, replayed.Clock);
        Assert.Equal([null, T0.AddSeconds(7 + 50)], deadlines[..2]); // black's clock starts at white's first move: 20 s + 3 × 10 s
        Assert.Equal(game.Clock.Deadline, deadlines[^1]);
        Assert.Equal(at + TimeSpan.FromMilliseconds(7_655 + 30_000), deadlines[^1]); // white: 7.655 s of main time left, and the periods
    }

    [Fact]
    public async Task The_sweep_reads_the_earliest_passed_deadlines_and_nothing_else()
    {
        // Deadlines far from the other tests' games, which share the store.
        var soon = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var due = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var (gameId, black, _) = await NewGameAsync(TimeControl.Absolute(TimeSpan.FromMinutes(1)), Creator);
            var action = new GameAction(ActionType.Pass, Color.Black, null, T0);
            var commit = new ActionCommit(gameId, 0, black, Creator, action, GameStatus.Play, null, 0, T0, i == 3 ? null : soon.AddSeconds(10 - i));
            await Games.CommitAsync([commit], Cancel);
            due.Add(gameId);
        }

        var found = await Games.DueDeadlinesAsync(soon.AddSeconds(9), 10, Cancel);
        var first = await Games.DueDeadlinesAsync(soon.AddSeconds(60), 1, Cancel);

        Assert.Equal([new DueDeadline(due[2], 1, soon.AddSeconds(8)), new DueDeadline(due[1], 1, soon.AddSeconds(9))], found);
        Assert.Equal([due[2]], first.Select(d => d.GameId));
    }

    [Fact]
    public async Task A_released_key_is_away_since_its_release_and_taking_it_again_clears_that()
    {
        var (gameId, black, white) = await NewGameAsync(TimeControl.None, Creator);
        Assert.Null((await Games.FindKeyAsync(white, Cancel))!.AwaySince);

        await Games.ReleaseKeyAsync(new KeyRelease(gameId, black, Creator, T0.AddSeconds(7)), Cancel);
        Assert.Equal(T0.AddSeconds(7), (await Games.FindKeyAsync(black, Cancel))!.AwaySince);

        await Games.TakeKeyAsync(new KeyTake(black, Opponent, null, T0.AddSeconds(9)), Cancel);
        Assert.Null((await Games.FindKeyAsync(black, Cancel))!.AwaySince);
    }

    [Fact]
    public async Task A_dead_instances_players_are_away_since_its_last_heartbeat()
    {
        var dead = Guid.NewGuid();
        var (_, black, _) = await NewGameAsync(TimeControl.None, new KeyHolder(dead, "c"));
        await Host.Get<InstanceStore>().RenewAsync(dead, "gone", T0.AddSeconds(5), TimeSpan.FromSeconds(15), Cancel);

        await Games.ReleaseInstanceKeysAsync(dead, T0.AddSeconds(40), Cancel);

        Assert.Equal(T0.AddSeconds(5), (await Games.FindKeyAsync(black, Cancel))!.AwaySince);
    }

    private async Task<(long GameId, string Black, string White)> NewGameAsync(TimeControl control, KeyHolder holder)
    {
        var (black, white) = (NewKey(), NewKey());
        var gameId = await Games.CreateGameAsync(new NewGame(9, Ruleset.Japanese(), black, white, Color.Black, holder, null, null, T0, control), Cancel);
        return (gameId, black, white);
    }
}

/// <summary>One time control of each kind, by name (a theory's data).</summary>
public static class StoredTimeControls
{
    public static Dictionary<string, TimeControl> ByName { get; } = new()
    {
        ["none"] = TimeControl.None,
        ["absolute"] = TimeControl.Absolute(TimeSpan.FromMinutes(5)),
        ["byo-yomi"] = TimeControl.ByoYomi(TimeSpan.FromMinutes(10), 5, TimeSpan.FromSeconds(30)),
        ["canadian"] = TimeControl.Canadian(TimeSpan.Zero, 25, TimeSpan.FromMinutes(5)),
        ["fischer"] = TimeControl.Fischer(TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(2500)),
        ["fischer capped"] = TimeControl.Fischer(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10)),
    };

    public static TheoryData<string> Names => [.. ByName.Keys];
}

[Trait("Category", "Data")]
public sealed class PostgresTimedGameStoreTests(PostgresStore store) : TimedGameStoreTests<PostgresStore>(store), IClassFixture<PostgresStore>;

[Trait("Category", "Data")]
public sealed class SqliteTimedGameStoreTests(SqliteStore store) : TimedGameStoreTests<SqliteStore>(store), IClassFixture<SqliteStore>;
