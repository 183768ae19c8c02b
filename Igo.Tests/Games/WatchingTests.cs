using Igo.Data;
using Igo.Domain;
using Igo.Testing.Waiting;
using Igo.Tests.Data;
using Igo.Web.Games;

namespace Igo.Tests.Games;

/// <summary>
/// Watching through the coordinator, players on one instance and spectators on another: the watch id finds the game and
/// nothing else, a spectator follows every move but takes no seat and can send no action, the spectators' chat stays
/// apart from the players until the game is over, and the spectator count is the same on every instance.
/// </summary>
public abstract class WatchingTests<TStore>(TStore store) : IAsyncLifetime
    where TStore : IStoreFixture
{
    private int connections;

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
    public async Task A_spectator_on_another_instance_follows_every_move_and_the_move_list()
    {
        var (black, white) = await NewGameAsync();
        await using var watch = await WatchAsync(B, black.WatchId);
        var spectator = new RecordingObserver();
        using var subscription = watch.Subscribe(spectator);

        Assert.True((await black.ActAsync(ActionType.PlaceStone, new Point(2, 2), Cancel)).Success);
        Assert.True((await white.ActAsync(ActionType.Pass, null, Cancel)).Success);

        var seen = await spectator.WaitForVersionAsync(2);
        Assert.Equal(Stone.Black, seen.View[new Point(2, 2)].Stone);
        Assert.Equal([new Move(Color.Black, new Point(2, 2)), new Move(Color.White, null)], seen.Moves);
        GameViews.AssertSame(black.Snapshot.View, seen.View);
    }

    [Fact]
    public async Task Watching_takes_no_seat_and_leaves_both_keys_to_the_players()
    {
        var created = await On(A).CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human), NewConnection(), Cancel);
        var black = created.Seat!;
        var keysBefore = await A.Get<Igo.Data.Stores.GameStore>().LoadGameAsync(black.GameId, Cancel);

        await using var watch = await WatchAsync(B, black.WatchId);

        // The spectator is no player: nobody is connected as white, and white's key is still there to take.
        Assert.Equal(new PerColor<bool>(true, false), watch.Snapshot.Connected);
        var keysAfter = await A.Get<Igo.Data.Stores.GameStore>().LoadGameAsync(black.GameId, Cancel);
        Assert.Equal(keysBefore!.White.HeldByInstance, keysAfter!.White.HeldByInstance);
        Assert.Equal(keysBefore.Black.HeldByConnection, keysAfter.Black.HeldByConnection);
        var joined = await On(B).JoinGameAsync(black.Keys.White, null, NewConnection(), Cancel);
        Assert.True(joined.Success, joined.ToString());

        // Nothing a spectator has sends an action: the watch has no such method, and its chat posts no game action.
        Assert.DoesNotContain(typeof(IGameWatch).GetMethods(), m => m.ReturnType == typeof(Task<ActionReply>));
        Assert.Null(await watch.ChatAsync("Spectator 1", "nice move", Cancel));
        Assert.Equal(0, watch.Snapshot.View.Version);
        Assert.Equal(0, black.Snapshot.View.Version);
    }

    [Fact]
    public async Task An_unknown_or_malformed_watch_id_or_a_player_key_finds_no_game()
    {
        var (black, _) = await NewGameAsync();
        var watching = B.Get<IGameWatching>();

        foreach (var id in new[] { WatchIds.New(), "not-a-watch-id", string.Empty, black.Key, black.Keys.White, black.WatchId.ToUpperInvariant() })
        {
            var outcome = await watching.WatchGameAsync(id, Cancel);
            Assert.Null(outcome.Watch);
            Assert.True(outcome.NotFound, id);
        }
    }

    [Fact]
    public async Task The_watch_id_is_unguessable_and_shares_nothing_with_the_keys()
    {
        var (black, _) = await NewGameAsync();
        var (other, _) = await NewGameAsync();

        Assert.True(WatchIds.IsWellFormed(black.WatchId));
        Assert.NotEqual(black.WatchId, other.WatchId);
        Assert.DoesNotContain(black.Keys.Black, black.WatchId, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(black.Keys.White, black.WatchId, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_players_see_the_spectator_count_of_every_instance()
    {
        var (black, white) = await NewGameAsync();
        var watchOnA = await WatchAsync(A, black.WatchId);
        var watchOnB = await WatchAsync(B, black.WatchId);

        await UntilAsync(() => black.Snapshot.Spectators == 2 && white.Snapshot.Spectators == 2, "both players see two spectators");
        await UntilAsync(() => watchOnA.Snapshot.Spectators == 2, "a spectator sees two spectators");

        await watchOnB.DisposeAsync();
        await UntilAsync(() => black.Snapshot.Spectators == 1 && white.Snapshot.Spectators == 1, "both players see one spectator");
        await watchOnA.DisposeAsync();
        await UntilAsync(() => black.Snapshot.Spectators == 0 && white.Snapshot.Spectators == 0, "both players see none");
    }

    [Fact]
    public async Task An_instance_opening_the_game_later_starts_with_its_spectators_and_their_chat()
    {
        var (black, _) = await NewGameAsync();
        await using var watchOnA = await WatchAsync(A, black.WatchId);
        await UntilAsync(() => black.Snapshot.Spectators == 1, "the players see the spectator on A");
        Assert.Null(await watchOnA.ChatAsync("Kibitzer", "first!", Cancel));

        // B has not seen this game: its copy's first load reads the count and where the spectators' chat stands.
        await using var watchOnB = await WatchAsync(B, black.WatchId);

        Assert.True(watchOnB.Snapshot.Spectators >= 1, $"B's copy starts with A's spectator, not {watchOnB.Snapshot.Spectators}");
        Assert.Equal(["first!"], (await watchOnB.ChatThreadAsync(Cancel)).Select(m => m.Text));
        await UntilAsync(() => watchOnB.Snapshot.Spectators == 2 && black.Snapshot.Spectators == 2, "both instances count both spectators");
    }

    [Fact]
    public async Task The_spectators_chat_reaches_spectators_only_and_the_players_after_the_game()
    {
        var (black, white) = await NewGameAsync();
        var player = new RecordingObserver();
        using var playerSubscription = white.Subscribe(player);
        await using var watchOnA = await WatchAsync(A, black.WatchId);
        await using var watchOnB = await WatchAsync(B, black.WatchId);
        var spectator = new RecordingObserver();
        using var spectatorSubscription = watchOnA.Subscribe(spectator);

        Assert.Null(await watchOnB.ChatAsync("  Kibitzer  ", "white is winning", Cancel));
        var line = await spectator.WaitForAsync<SpectatorMessage>();
        Assert.Equal(("Kibitzer", "white is winning"), (line.Name, line.Text));
        Assert.Equal(SpectatorChatFailure.BadName, await watchOnB.ChatAsync(" ", "hello", Cancel));
        Assert.Equal(SpectatorChatFailure.BadText, await watchOnB.ChatAsync("Kibitzer", new string('x', ChatRules.MaxLength + 1), Cancel));

        // During the game (and its scoring phase), the players get nothing of it.
        Assert.Null(await white.SpectatorChatAsync(Cancel));
        Assert.True((await black.ActAsync(ActionType.Pass, null, Cancel)).Success);
        Assert.True((await white.ActAsync(ActionType.Pass, null, Cancel)).Success);
        await UntilAsync(() => white.Snapshot.View.Status == GameStatus.Endgame, "the scoring phase");
        Assert.Null(await white.SpectatorChatAsync(Cancel));

        await UntilAsync(() => black.Snapshot.View.Status == GameStatus.Endgame, "the scoring phase for black");
        var marking = black.Snapshot.View.Scoring!.Marking.Version;
        Assert.True((await black.AcceptCountAsync(marking, Cancel)).Success);
        await UntilAsync(() => white.Snapshot.View.Scoring?.Accepted == Color.Black, "black's acceptance");
        Assert.True((await white.AcceptCountAsync(marking, Cancel)).Success);
        await UntilAsync(() => white.Snapshot.View.Status == GameStatus.Complete, "the end of the game");
        var after = await white.SpectatorChatAsync(Cancel);
        Assert.Equal(["white is winning"], after!.Select(m => m.Text));
        Assert.DoesNotContain(player.Seen.ToList(), call => call is SpectatorMessage);
        Assert.Equal(["white is winning"], (await watchOnB.ChatThreadAsync(Cancel)).Select(m => m.Text));
    }

    [Fact]
    public async Task A_game_against_the_computer_can_be_watched()
    {
        var created = await On(A).CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Computer) { Listed = false }, NewConnection(), Cancel);
        Assert.True(created.Success, created.ToString());

        await using var watch = await WatchAsync(B, created.Seat!.WatchId);

        Assert.NotNull(watch.Computers.White);
        Assert.Null(watch.Computers.Black);
        Assert.False((await A.Get<Igo.Data.Stores.GameStore>().LoadGameAsync(created.Seat.GameId, Cancel))!.Game.Listed);
    }

    private static IGameCoordinator On(TestHost host) => host.Get<IGameCoordinator>();

    private static async Task<IGameWatch> WatchAsync(TestHost host, string watchId)
    {
        var outcome = await host.Get<IGameWatching>().WatchGameAsync(watchId, Cancel);
        Assert.NotNull(outcome.Watch);
        return outcome.Watch;
    }

    private static Task UntilAsync(Func<bool> condition, string what) =>
        Eventually.HoldsAsync(condition, Cancel, EventRecorder.Deadline, what);

    private SeatHolder NewConnection() => new(ConnectionKind.Socket, $"watch-conn-{Interlocked.Increment(ref connections)}");

    /// <summary>Black created on A, white joined on A too: the spectators' instance is B unless a test says otherwise.</summary>
    private async Task<(IGameSeat Black, IGameSeat White)> NewGameAsync()
    {
        var created = await On(A).CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human), NewConnection(), Cancel);
        Assert.True(created.Success, created.ToString());
        var joined = await On(A).JoinGameAsync(created.Seat!.Keys.White, null, NewConnection(), Cancel);
        Assert.True(joined.Success, joined.ToString());
        return (created.Seat, joined.Seat!);
    }
}

[Trait("Category", "Data")]
public sealed class PostgresWatchingTests(PostgresStore store) : WatchingTests<PostgresStore>(store), IClassFixture<PostgresStore>;

[Trait("Category", "Data")]
public sealed class SqliteWatchingTests(SqliteStore store) : WatchingTests<SqliteStore>(store), IClassFixture<SqliteStore>;
