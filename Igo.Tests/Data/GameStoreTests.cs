using Igo.Data.Stores;
using Igo.Domain;

namespace Igo.Tests.Data;

/// <summary>The store's guarantees, run on both PostgreSQL and the embedded SQLite file.</summary>
public abstract class GameStoreTests<TStore>(TStore store) : OneInstanceStoreTests(store)
    where TStore : IStoreFixture
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private KeyHolder Creator => Holder("creator");

    private async Task<(long GameId, string Black, string White)> NewGameAsync()
    {
        var (black, white) = (NewKey(), NewKey());
        var gameId = await Games.CreateGameAsync(new NewGame(9, Ruleset.Japanese(), black, white, Color.Black, Creator, null, null, T0), Cancel);
        return (gameId, black, white);
    }

    private async Task<CommitResult[]> CommitActionsAsync(IReadOnlyList<ActionCommit> commits) =>
        [.. (await Games.CommitAsync(commits, Cancel)).Select(r => Assert.IsType<WriteResult.Action>(r).Result)];

    private static ActionCommit Stone(long gameId, int expectedVersion, string key, KeyHolder holder, Color color, int row) =>
        new(gameId, expectedVersion, key, holder, new GameAction(ActionType.PlaceStone, color, new Point(row, 0), T0.AddSeconds(expectedVersion + 1)), GameStatus.Play, null, expectedVersion + 1.5, T0.AddSeconds(expectedVersion + 1), null);

    [Fact]
    public async Task A_new_game_is_held_by_its_creator_with_the_clock_running()
    {
        var (gameId, black, white) = await NewGameAsync();

        var stored = await Games.LoadGameAsync(gameId, Cancel);

        Assert.NotNull(stored);
        Assert.Equal((black, white, white, black), (stored.Black.Key, stored.White.Key, stored.Black.OpponentKey, stored.White.OpponentKey));
        Assert.Equal(new PerColor<bool>(true, false), stored.Connected);
        Assert.Equal(T0, stored.Game.ClockRunningSince);
        Assert.Equal((0, GameStatus.Play, 9, KoRule.Simple, 6.5), (stored.Game.Version, stored.Game.Status, stored.Game.Size, stored.Game.KoRule, stored.Game.Komi));
        Assert.Empty(stored.Actions);
    }

    [Fact]
    public async Task A_new_game_is_stored_exactly_as_its_creator_copy_assumes_without_reading_it_back()
    {
        var request = new NewGame(13, new Ruleset(KoRule.PositionalSuperko, ScoringRule.Area, 7.5, 2), NewKey(), NewKey(), Color.White, Creator, NewKey(), "gnugo", T0);

        var gameId = await Host.Get<ActionWriter>().CreateGameAsync(request, Cancel);
        var loaded = await Games.LoadFollowingAsync(gameId, T0, Cancel);

        var assumed = request.AsStored(gameId);
        Assert.NotNull(loaded);
        Assert.Equal(0, loaded.LastChatId);
        Assert.Equivalent(assumed.Game, loaded.Stored.Game, strict: true);
        Assert.Equivalent(assumed.Black, loaded.Stored.Black, strict: true);
        Assert.Equivalent(assumed.White, loaded.Stored.White, strict: true);
        Assert.Equal((request.ComputerSecret, "gnugo", (string?)null), (loaded.Stored.Black.ComputerSecret, loaded.Stored.Black.ComputerLevel, loaded.Stored.White.ComputerSecret));
        Assert.Empty(loaded.Stored.Actions);
    }

    [Fact]
    public async Task Only_one_of_many_racing_connections_gets_a_key()
    {
        var (_, _, white) = await NewGameAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Games.TakeKeyAsync(new KeyTake(white, new KeyHolder(Host.InstanceId, $"c{i}"), null, T0), Cancel)));

        var winner = Assert.Single(results, r => r!.Changed)!.Key;
        Assert.All(results, r => Assert.Equal((winner.HeldByInstance, winner.HeldByConnection), (r!.Key.HeldByInstance, r.Key.HeldByConnection)));
        Assert.All(results, r => Assert.Equal(new PerColor<bool>(true, true), r!.Presence.Connected));
        var again = await Games.TakeKeyAsync(new KeyTake(white, new KeyHolder(Host.InstanceId, winner.HeldByConnection!), null, T0), Cancel);
        Assert.Equal((false, winner.HeldByConnection), (again!.Changed, again.Key.HeldByConnection));
        Assert.Null(await Games.TakeKeyAsync(new KeyTake("0123456789", Creator, null, T0), Cancel));
    }

    [Fact]
    public async Task Only_one_of_many_racing_connections_gets_a_key_through_the_group_commit()
    {
        var (gameId, _, white) = await NewGameAsync();
        var writer = Host.Get<ActionWriter>();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => writer.TakeKeyAsync(new KeyTake(white, new KeyHolder(Host.InstanceId, $"g{i}"), null, T0, gameId), Cancel)));

        var winner = Assert.Single(results, r => r!.Changed)!.Key;
        Assert.All(results, r => Assert.Equal(winner.HeldByConnection, r!.Key.HeldByConnection));
        Assert.Equal(winner.HeldByConnection, (await Games.FindKeyAsync(white, Cancel))!.HeldByConnection);
    }

    [Fact]
    public async Task A_computer_key_is_taken_only_with_its_secret()
    {
        var (secret, human, computer) = (NewKey(), NewKey(), NewKey());
        await Games.CreateGameAsync(new NewGame(9, Ruleset.Japanese(), human, computer, Color.Black, Creator, secret, null, T0), Cancel);
        var player = new KeyHolder(Host.InstanceId, "computer");

        var withoutSecret = await Games.TakeKeyAsync(new KeyTake(computer, player, null, T0), Cancel);
        var withSecret = await Games.TakeKeyAsync(new KeyTake(computer, player, secret, T0), Cancel);

        Assert.Equal((false, (Guid?)null, secret), (withoutSecret!.Changed, withoutSecret.Key.HeldByInstance, withoutSecret.Key.ComputerSecret));
        Assert.True(withSecret!.Changed);
        Assert.False((await Games.TakeKeyAsync(new KeyTake(human, player, secret, T0), Cancel))!.Changed);
    }

    [Fact]
    public async Task Releasing_needs_the_holder_and_the_clock_stops_when_the_last_player_leaves()
    {
        var (gameId, black, white) = await NewGameAsync();
        var opponent = new KeyHolder(Host.InstanceId, "opponent");
        var joined = await Games.TakeKeyAsync(new KeyTake(white, opponent, null, T0.AddSeconds(5)), Cancel);
        Assert.Equal((true, new PerColor<bool>(true, true), T0), (joined!.Changed, joined.Presence.Connected, joined.Presence.ClockRunningSince));

        var notHolder = await Games.ReleaseKeyAsync(new KeyRelease(gameId, black, opponent, T0), Cancel);
        var first = await Games.ReleaseKeyAsync(new KeyRelease(gameId, black, Creator, T0.AddSeconds(8)), Cancel);
        var afterFirst = await Games.LoadPresenceAsync(gameId, Cancel);
        var second = await Games.ReleaseKeyAsync(new KeyRelease(gameId, white, opponent, T0.AddSeconds(9)), Cancel);
        var afterSecond = await Games.LoadPresenceAsync(gameId, Cancel);

        Assert.Equal((false, Creator.ConnectionId), (notHolder!.Changed, notHolder.Key.HeldByConnection));
        Assert.Equal((true, Color.Black, (Guid?)null), (first!.Changed, first.Key.Color, first.Key.HeldByInstance));
        Assert.Equal(afterFirst, first.Presence);
        Assert.Equal((new PerColor<bool>(false, true), T0), (afterFirst!.Connected, afterFirst.ClockRunningSince));
        Assert.Equal(afterSecond, second!.Presence);
        Assert.Equal(new PerColor<bool>(false, false), afterSecond!.Connected);
        Assert.Null(afterSecond.ClockRunningSince);
        var back = await Games.TakeKeyAsync(new KeyTake(white, opponent, null, T0.AddSeconds(30)), Cancel);
        Assert.Equal(T0.AddSeconds(30), back!.Presence.ClockRunningSince);
        Assert.Equal(back.Presence, await Games.LoadPresenceAsync(gameId, Cancel));
    }

    [Fact]
    public async Task A_group_commits_new_games_takes_actions_and_releases_each_on_its_own_checks()
    {
        var (gameId, black, white) = await NewGameAsync();
        var (otherId, otherBlack, _) = await NewGameAsync();
        var opponent = new KeyHolder(Host.InstanceId, "opponent");
        var created = new NewGame(9, Ruleset.Japanese(), NewKey(), NewKey(), Color.Black, Creator, null, null, T0);

        var results = await Games.CommitAsync(
            [
                new KeyRelease(otherId, otherBlack, opponent, T0),
                Stone(gameId, 0, black, Creator, Color.Black, 1),
                created,
                new KeyTake(white, opponent, null, T0, gameId),
                new KeyTake(white, Creator, null, T0, gameId),
                Stone(otherId, 3, otherBlack, Creator, Color.Black, 1),
                new KeyRelease(otherId, otherBlack, Creator, T0.AddSeconds(2)),
            ],
            Cancel);

        Assert.False(Assert.IsType<WriteResult.Key>(results[0]).Change!.Changed);
        Assert.Equal(CommitResult.Committed, Assert.IsType<WriteResult.Action>(results[1]).Result);
        var newId = Assert.IsType<WriteResult.Created>(results[2]).GameId;
        Assert.True(Assert.IsType<WriteResult.Key>(results[3]).Change!.Changed);
        Assert.Equal((false, "opponent"), (Assert.IsType<WriteResult.Key>(results[4]).Change!.Changed, Assert.IsType<WriteResult.Key>(results[4]).Change!.Key.HeldByConnection));
        Assert.Equal(CommitResult.VersionConflict, Assert.IsType<WriteResult.Action>(results[5]).Result);
        var released = Assert.IsType<WriteResult.Key>(results[6]).Change!;
        Assert.Equal((true, new PerColor<bool>(false, false), (DateTimeOffset?)null), (released.Changed, released.Presence.Connected, released.Presence.ClockRunningSince));
        Assert.Equal((1, new PerColor<bool>(true, true)), ((await Games.LoadGameAsync(gameId, Cancel))!.Game.Version, (await Games.LoadGameAsync(gameId, Cancel))!.Connected));
        Assert.Equal(new PerColor<bool>(true, false), (await Games.LoadGameAsync(newId, Cancel))!.Connected);
    }

    [Fact]
    public async Task Two_commits_at_one_version_cannot_both_win()
    {
        var (gameId, black, white) = await NewGameAsync();
        var opponent = new KeyHolder(Host.InstanceId, "opponent");
        await Games.TakeKeyAsync(new KeyTake(white, opponent, null, T0), Cancel);

        var results = await Task.WhenAll(
            CommitActionsAsync([Stone(gameId, 0, black, Creator, Color.Black, 1)]),
            CommitActionsAsync([Stone(gameId, 0, white, opponent, Color.White, 2)]));

        Assert.Equal([CommitResult.Committed, CommitResult.VersionConflict], results.Select(r => r[0]).Order());
        var stored = await Games.LoadGameAsync(gameId, Cancel);
        Assert.Equal(1, stored!.Game.Version);
        Assert.Single(stored.Actions);
        Assert.Equal(1.5, stored.Game.TimePlayedSeconds);
    }

    [Fact]
    public async Task A_connection_that_no_longer_holds_its_key_cannot_commit()
    {
        var (gameId, black, _) = await NewGameAsync();
        await Games.ReleaseKeyAsync(new KeyRelease(gameId, black, Creator, T0), Cancel);

        var result = await CommitActionsAsync([Stone(gameId, 0, black, Creator, Color.Black, 1)]);

        Assert.Equal(CommitResult.NotHolder, result[0]);
        Assert.Equal(0, (await Games.LoadGameAsync(gameId, Cancel))!.Game.Version);
    }

    [Fact]
    public async Task A_batch_over_many_games_commits_each_on_its_own_version_check()
    {
        var created = new List<(long GameId, string Black, string White)>();
        for (var i = 0; i < 4; i++)
        {
            created.Add(await NewGameAsync());
        }

        var batch = created.Select(g => Stone(g.GameId, 0, g.Black, Creator, Color.Black, 3)).ToList();
        batch[2] = batch[2] with { ExpectedVersion = 5 };

        var results = await CommitActionsAsync(batch);

        Assert.Equal([CommitResult.Committed, CommitResult.Committed, CommitResult.VersionConflict, CommitResult.Committed], results);
        var stored = await Games.LoadGameAsync(created[0].GameId, Cancel);
        var action = Assert.Single(stored!.Actions);
        Assert.Equal(new GameAction(ActionType.PlaceStone, Color.Black, new Point(3, 0), T0.AddSeconds(1)), action);
        Assert.Empty((await Games.LoadGameAsync(created[2].GameId, Cancel))!.Actions);
    }

    [Fact]
    public async Task Two_actions_of_one_game_in_one_group_commit_one_after_the_other_in_the_order_given()
    {
        var (gameId, black, white) = await NewGameAsync();
        var (otherId, otherBlack, _) = await NewGameAsync();
        var opponent = new KeyHolder(Host.InstanceId, "opponent");
        await Games.TakeKeyAsync(new KeyTake(white, opponent, null, T0), Cancel);

        var results = await CommitActionsAsync(
            [
                Stone(gameId, 0, black, Creator, Color.Black, 1),
                Stone(otherId, 0, otherBlack, Creator, Color.Black, 1),
                Stone(gameId, 1, white, opponent, Color.White, 2),
            ]);

        Assert.Equal([CommitResult.Committed, CommitResult.Committed, CommitResult.Committed], results);
        var stored = await Games.LoadGameAsync(gameId, Cancel);
        Assert.Equal(2, stored!.Game.Version);
        Assert.Equal([Color.Black, Color.White], stored.Actions.Select(a => a.Player));
        Assert.Equal(1, (await Games.LoadGameAsync(otherId, Cancel))!.Game.Version);
    }

    [Fact]
    public async Task Chat_ids_increase_and_times_round_trip()
    {
        var (gameId, _, white) = await NewGameAsync();
        var friend = new KeyHolder(Host.InstanceId, "friend");
        await Games.TakeKeyAsync(new KeyTake(white, friend, null, T0), Cancel);

        var first = await Games.AddChatAsync(gameId, Color.Black, Creator, "hello", T0.AddTicks(1234560), Cancel);
        var second = await Games.AddChatAsync(gameId, Color.White, friend, "こんにちは", T0.AddSeconds(1), Cancel);
        Assert.NotNull(first);
        Assert.NotNull(second);
        var all = await Games.ChatAfterAsync(gameId, 0, Cancel);
        var later = await Games.ChatAfterAsync(gameId, first.Id, Cancel);

        Assert.True(second.Id > first.Id);
        Assert.Equal([("hello", Color.Black, T0.AddTicks(1234560)), ("こんにちは", Color.White, T0.AddSeconds(1))], all.Select(c => (c.Text, c.Color, c.At)));
        Assert.Equal([second.Id], later.Select(c => c.Id));
    }

    [Fact]
    public async Task A_chat_line_from_a_connection_that_no_longer_holds_the_key_is_refused_and_not_stored()
    {
        var (gameId, black, _) = await NewGameAsync();
        var newTab = new KeyHolder(Host.InstanceId, "tab-new");
        var oldTab = new KeyHolder(Host.InstanceId, "tab-old");
        await Games.ReleaseKeyAsync(new KeyRelease(gameId, black, Creator, T0), Cancel);
        await Games.TakeKeyAsync(new KeyTake(black, oldTab, null, T0) { TakeOverPrefix = "tab-" }, Cancel);
        Assert.NotNull(await Games.AddChatAsync(gameId, Color.Black, oldTab, "from the old tab", T0.AddSeconds(1), Cancel));

        await Games.TakeKeyAsync(new KeyTake(black, newTab, null, T0.AddSeconds(2)) { TakeOverPrefix = "tab-" }, Cancel);
        var refused = await Games.AddChatAsync(gameId, Color.Black, oldTab, "too late", T0.AddSeconds(3), Cancel);
        var wrongColour = await Games.AddChatAsync(gameId, Color.White, newTab, "not my key", T0.AddSeconds(3), Cancel);

        Assert.Null(refused);
        Assert.Null(wrongColour);
        Assert.Equal(["from the old tab"], (await Games.ChatAfterAsync(gameId, 0, Cancel)).Select(c => c.Text));
    }
}

[Trait("Category", "Data")]
public sealed class PostgresGameStoreTests(PostgresStore store) : GameStoreTests<PostgresStore>(store), IClassFixture<PostgresStore>;

[Trait("Category", "Data")]
public sealed class SqliteGameStoreTests(SqliteStore store) : GameStoreTests<SqliteStore>(store), IClassFixture<SqliteStore>;
