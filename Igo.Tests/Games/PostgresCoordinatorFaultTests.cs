using Igo.Domain;
using Igo.Tests.Data;
using Igo.Web.Games;
using Npgsql;

namespace Igo.Tests.Games;

/// <summary>What happens to games across instances when a listener connection or a whole instance dies.</summary>
[Trait("Category", "Data")]
public sealed class PostgresCoordinatorFaultTests(PostgresStore store) : IClassFixture<PostgresStore>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static SeatHolder Connection(string id) => new(ConnectionKind.Socket, id);

    [Fact]
    public async Task A_subscriber_whose_listener_was_killed_mid_game_receives_every_update_made_while_it_was_down()
    {
        await using var a = await store.StartInstanceAsync();
        await using var b = await store.StartInstanceAsync(settings: new Dictionary<string, string?> { ["Igo:Events:ReconnectMinDelay"] = "00:00:01", ["Igo:Events:ReconnectMaxDelay"] = "00:00:01" });
        await PostgresEventBusTests.WaitUntilListeningAsync(b);
        var black = (await a.Get<IGameCoordinator>().CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human), Connection("a"), Cancel)).Seat!;
        await using var white = (await b.Get<IGameCoordinator>().JoinGameAsync(black.Keys.White, null, Connection("b"), Cancel)).Seat!;
        var observer = new RecordingObserver();
        using var subscription = white.Subscribe(observer);
        Assert.True((await black.ActAsync(ActionType.PlaceStone, new Point(4, 4), Cancel)).Success);
        await observer.WaitForVersionAsync(1);
        Assert.True((await white.ActAsync(ActionType.PlaceStone, new Point(2, 2), Cancel)).Success);

        await TerminateListenerAsync(b);
        Assert.True((await black.ActAsync(ActionType.PlaceStone, new Point(6, 6), Cancel)).Success);
        Assert.True((await black.ChatAsync("while you were away", Cancel)).Success);
        await black.DisposeAsync();

        var seen = await observer.WaitForVersionAsync(3);
        Assert.Equal((Stone.Black, Color.White), (seen.View[new Point(6, 6)].Stone, seen.View.Turn));
        await observer.WaitUntilSeenAsync(seen =>
            seen.OfType<ChatMessage>().Any(c => c.Text == "while you were away")
            && seen.Contains(new RecordingObserver.Presence(Color.Black, false)));
        Assert.True((await white.ActAsync(ActionType.PlaceStone, new Point(3, 3), Cancel)).Success);
    }

    [Fact]
    public async Task When_every_connection_of_a_subscriber_dies_the_move_it_missed_still_reaches_its_player()
    {
        await using var a = await store.StartInstanceAsync();

        // b touches its pool only for the game: its catch-up after the listener comes back is the first use of a pooled
        // connection that died, and fails, so only a retry can bring the missed move.
        await using var b = await store.StartInstanceAsync(settings: new Dictionary<string, string?>
        {
            ["Igo:Events:ReconnectMinDelay"] = "00:00:01",
            ["Igo:Events:ReconnectMaxDelay"] = "00:00:01",
            ["Igo:Presence:Lease"] = "00:10:00",
            ["Igo:Presence:Heartbeat"] = "00:05:00",
            ["Igo:Clocks:SweepInterval"] = "00:01:00",
        });
        await PostgresEventBusTests.WaitUntilListeningAsync(b);
        await using var black = (await a.Get<IGameCoordinator>().CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human), Connection("a"), Cancel)).Seat!;
        await using var white = (await b.Get<IGameCoordinator>().JoinGameAsync(black.Keys.White, null, Connection("b"), Cancel)).Seat!;
        var observer = new RecordingObserver();
        using var subscription = white.Subscribe(observer);
        Assert.True((await black.ActAsync(ActionType.PlaceStone, new Point(4, 4), Cancel)).Success);
        await observer.WaitForVersionAsync(1);
        var blackObserver = new RecordingObserver();
        using var blackSubscription = black.Subscribe(blackObserver);
        Assert.True((await white.ActAsync(ActionType.PlaceStone, new Point(2, 2), Cancel)).Success);

        // Once a has heard of White's move, b's NOTIFY went out and every connection of b's pool is idle.
        await blackObserver.WaitForVersionAsync(2);
        Assert.InRange(await TerminateAllOfAsync(b), 2, 100);
        Assert.True((await black.ActAsync(ActionType.PlaceStone, new Point(6, 6), Cancel)).Success);

        var seen = await observer.WaitForVersionAsync(3);
        Assert.Equal((Stone.Black, Color.White), (seen.View[new Point(6, 6)].Stone, seen.View.Turn));
        Assert.True((await white.ActAsync(ActionType.PlaceStone, new Point(3, 3), Cancel)).Success);
    }

    [Fact]
    public async Task A_dead_instance_s_player_is_released_within_the_lease_and_the_opponent_told()
    {
        await using var a = await store.StartInstanceAsync();
        var b = await store.StartInstanceAsync();
        await PostgresEventBusTests.WaitUntilListeningAsync(a);
        await using var black = (await a.Get<IGameCoordinator>().CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human), Connection("a"), Cancel)).Seat!;
        var observer = new RecordingObserver();
        using var subscription = black.Subscribe(observer);
        var joined = await b.Get<IGameCoordinator>().JoinGameAsync(black.Keys.White, null, Connection("b"), Cancel);
        Assert.True(joined.Success);

        // b announces its join through its own outbox; a crash before that NOTIFY leaves a believing White never came,
        // and a release of a key a never saw taken is no change to tell. So a must have seen the join first.
        await observer.WaitForAsync<RecordingObserver.Presence>(p => p is { Color: Color.White, Connected: true });
        var refused = await a.Get<IGameCoordinator>().JoinGameAsync(black.Keys.White, null, Connection("a2"), Cancel);
        Assert.Equal(SeatFailure.InUse, refused.Failure);

        await b.CrashAsync();

        Assert.Equal(Color.White, (await observer.WaitForAsync<RecordingObserver.Presence>(p => !p.Connected)).Color);
        var rejoined = await a.Get<IGameCoordinator>().JoinGameAsync(black.Keys.White, null, Connection("a2"), Cancel);
        Assert.True(rejoined.Success, rejoined.ToString());
        await rejoined.Seat!.DisposeAsync();
    }

    /// <summary>Ends every session of <paramref name="host"/>: its listener and its pooled connections.</summary>
    private async Task<int> TerminateAllOfAsync(TestHost host)
    {
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity WHERE application_name IN ($1, $2)", connection);
        kill.Parameters.AddWithValue($"igo-listener-{host.InstanceId:N}");
        kill.Parameters.AddWithValue($"igo-{host.InstanceId:N}");
        return (int)(await kill.ExecuteScalarAsync(Cancel))!;
    }

    private async Task TerminateListenerAsync(TestHost host)
    {
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity WHERE application_name = $1", connection);
        kill.Parameters.AddWithValue($"igo-listener-{host.InstanceId:N}");
        Assert.Equal(1, (int)(await kill.ExecuteScalarAsync(Cancel))!);
    }
}
