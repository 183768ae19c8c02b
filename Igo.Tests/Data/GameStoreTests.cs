using Igo.Data.Stores;
using Igo.Domain;

namespace Igo.Tests.Data;

/// <summary>The store's guarantees, run on both PostgreSQL and the embedded SQLite file.</summary>
public abstract class GameStoreTests<TStore>(TStore store) : IAsyncLifetime
    where TStore : IStoreFixture
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private TestHost host = null!;
    private GameStore games = null!;
    private KeyHolder creator = null!;

    public async ValueTask InitializeAsync()
    {
        host = await store.StartInstanceAsync();
        games = host.Get<GameStore>();
        creator = new KeyHolder(host.InstanceId, "creator");
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string NewKey() => Guid.NewGuid().ToString("N")[..10];

    private async Task<(long GameId, string Black, string White)> NewGameAsync()
    {
        var (black, white) = (NewKey(), NewKey());
        var game = await games.CreateGameAsync(new NewGame(9, Ruleset.Japanese(), black, white, Color.Black, creator, null, null, T0), Cancel);
        return (game.Id, black, white);
    }

    private static ActionCommit Stone(long gameId, int expectedVersion, string key, KeyHolder holder, Color color, int row) =>
        new(gameId, expectedVersion, key, holder, new GameAction(ActionType.PlaceStone, color, new Point(row, 0), T0.AddSeconds(expectedVersion + 1)), GameStatus.Play, null, expectedVersion + 1.5, T0.AddSeconds(expectedVersion + 1));

    [Fact]
    public async Task A_new_game_is_held_by_its_creator_with_the_clock_running()
    {
        var (gameId, black, white) = await NewGameAsync();

        var stored = await games.LoadGameAsync(gameId, Cancel);

        Assert.NotNull(stored);
        Assert.Equal((black, white, white, black), (stored.Black.Key, stored.White.Key, stored.Black.OpponentKey, stored.White.OpponentKey));
        Assert.Equal(new PerColor<bool>(true, false), stored.Connected);
        Assert.Equal(T0, stored.Game.ClockRunningSince);
        Assert.Equal((0, GameStatus.Play, 9, KoRule.Simple, 6.5), (stored.Game.Version, stored.Game.Status, stored.Game.Size, stored.Game.KoRule, stored.Game.Komi));
        Assert.Empty(stored.Actions);
    }

    [Fact]
    public async Task Only_one_of_many_racing_connections_gets_a_key()
    {
        var (_, _, white) = await NewGameAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => games.TryHoldKeyAsync(white, new KeyHolder(host.InstanceId, $"c{i}"), T0, Cancel)));

        Assert.Single(results, r => r == HoldResult.Held);
        Assert.All(results.Where(r => r != HoldResult.Held), r => Assert.Equal(HoldResult.InUse, r));
        var holder = (await games.FindKeyAsync(white, Cancel))!.HeldByConnection!;
        Assert.Equal(HoldResult.AlreadyHolding, await games.TryHoldKeyAsync(white, new KeyHolder(host.InstanceId, holder), T0, Cancel));
        Assert.Equal(HoldResult.NotFound, await games.TryHoldKeyAsync("0123456789", creator, T0, Cancel));
    }

    [Fact]
    public async Task Releasing_needs_the_holder_and_the_clock_stops_when_the_last_player_leaves()
    {
        var (gameId, black, white) = await NewGameAsync();
        var opponent = new KeyHolder(host.InstanceId, "opponent");
        Assert.Equal(HoldResult.Held, await games.TryHoldKeyAsync(white, opponent, T0.AddSeconds(5), Cancel));

        Assert.Null(await games.ReleaseKeyAsync(black, opponent, T0, Cancel));
        var first = await games.ReleaseKeyAsync(black, creator, T0.AddSeconds(8), Cancel);
        var afterFirst = await games.LoadPresenceAsync(gameId, Cancel);
        var second = await games.ReleaseKeyAsync(white, opponent, T0.AddSeconds(9), Cancel);
        var afterSecond = await games.LoadPresenceAsync(gameId, Cancel);

        Assert.Equal(new ReleasedKey(gameId, Color.Black, 0), first);
        Assert.Equal((new PerColor<bool>(false, true), T0), (afterFirst!.Connected, afterFirst.ClockRunningSince));
        Assert.Equal(new ReleasedKey(gameId, Color.White, 0), second);
        Assert.Equal(new PerColor<bool>(false, false), afterSecond!.Connected);
        Assert.Null(afterSecond.ClockRunningSince);
        Assert.Equal(HoldResult.Held, await games.TryHoldKeyAsync(white, opponent, T0.AddSeconds(30), Cancel));
        Assert.Equal(T0.AddSeconds(30), (await games.LoadPresenceAsync(gameId, Cancel))!.ClockRunningSince);
    }

    [Fact]
    public async Task Two_commits_at_one_version_cannot_both_win()
    {
        var (gameId, black, white) = await NewGameAsync();
        var opponent = new KeyHolder(host.InstanceId, "opponent");
        await games.TryHoldKeyAsync(white, opponent, T0, Cancel);

        var results = await Task.WhenAll(
            games.CommitActionsAsync([Stone(gameId, 0, black, creator, Color.Black, 1)], Cancel),
            games.CommitActionsAsync([Stone(gameId, 0, white, opponent, Color.White, 2)], Cancel));

        Assert.Equal([CommitResult.Committed, CommitResult.VersionConflict], results.Select(r => r[0]).Order());
        var stored = await games.LoadGameAsync(gameId, Cancel);
        Assert.Equal(1, stored!.Game.Version);
        Assert.Single(stored.Actions);
        Assert.Equal(1.5, stored.Game.TimePlayedSeconds);
    }

    [Fact]
    public async Task A_connection_that_no_longer_holds_its_key_cannot_commit()
    {
        var (gameId, black, _) = await NewGameAsync();
        await games.ReleaseKeyAsync(black, creator, T0, Cancel);

        var result = await games.CommitActionsAsync([Stone(gameId, 0, black, creator, Color.Black, 1)], Cancel);

        Assert.Equal(CommitResult.NotHolder, result[0]);
        Assert.Equal(0, (await games.LoadGameAsync(gameId, Cancel))!.Game.Version);
    }

    [Fact]
    public async Task A_batch_over_many_games_commits_each_on_its_own_version_check()
    {
        var created = new List<(long GameId, string Black, string White)>();
        for (var i = 0; i < 4; i++)
        {
            created.Add(await NewGameAsync());
        }

        var batch = created.Select(g => Stone(g.GameId, 0, g.Black, creator, Color.Black, 3)).ToList();
        batch[2] = batch[2] with { ExpectedVersion = 5 };

        var results = await games.CommitActionsAsync(batch, Cancel);

        Assert.Equal([CommitResult.Committed, CommitResult.Committed, CommitResult.VersionConflict, CommitResult.Committed], results);
        var stored = await games.LoadGameAsync(created[0].GameId, Cancel);
        var action = Assert.Single(stored!.Actions);
        Assert.Equal(new GameAction(ActionType.PlaceStone, Color.Black, new Point(3, 0), T0.AddSeconds(1)), action);
        Assert.Empty((await games.LoadGameAsync(created[2].GameId, Cancel))!.Actions);
    }

    [Fact]
    public async Task Chat_ids_increase_and_times_round_trip()
    {
        var (gameId, _, _) = await NewGameAsync();

        var first = await games.AddChatAsync(gameId, Color.Black, "hello", T0.AddTicks(1234560), Cancel);
        var second = await games.AddChatAsync(gameId, Color.White, "こんにちは", T0.AddSeconds(1), Cancel);
        var all = await games.ChatAfterAsync(gameId, 0, Cancel);
        var later = await games.ChatAfterAsync(gameId, first.Id, Cancel);

        Assert.True(second.Id > first.Id);
        Assert.Equal([("hello", Color.Black, T0.AddTicks(1234560)), ("こんにちは", Color.White, T0.AddSeconds(1))], all.Select(c => (c.Text, c.Color, c.At)));
        Assert.Equal([second.Id], later.Select(c => c.Id));
    }
}

[Trait("Category", "Data")]
public sealed class PostgresGameStoreTests(PostgresStore store) : GameStoreTests<PostgresStore>(store), IClassFixture<PostgresStore>;

[Trait("Category", "Data")]
public sealed class SqliteGameStoreTests(SqliteStore store) : GameStoreTests<SqliteStore>(store), IClassFixture<SqliteStore>;
