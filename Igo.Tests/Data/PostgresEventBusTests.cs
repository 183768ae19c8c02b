using Igo.Data.Events;
using Igo.Domain;
using Igo.Testing.Waiting;
using Npgsql;

namespace Igo.Tests.Data;

[Trait("Category", "Data")]
public sealed class PostgresEventBusTests(PostgresStore store) : IClassFixture<PostgresStore>
{
    private static ChatPosted Chat(long gameId, int version, Guid origin) => new(gameId, version, origin, version);

    [Fact]
    public async Task An_event_published_on_one_instance_reaches_a_subscriber_on_another()
    {
        await using var a = await store.StartInstanceAsync();
        await using var b = await store.StartInstanceAsync();
        var onB = new EventRecorder();
        var onA = new EventRecorder();
        using var subscriptionB = b.Get<IGameEventBus>().Subscribe(11, onB.Record);
        using var subscriptionA = a.Get<IGameEventBus>().Subscribe(11, onA.Record);
        using var other = b.Get<IGameEventBus>().Subscribe(12, _ => Assert.Fail("an event of game 11 reached game 12's subscriber"));
        await WaitUntilListeningAsync(b);

        var sent = new PresenceChanged(11, 4, a.InstanceId, Color.White, Connected: true);
        await a.Get<IGameEventBus>().PublishAsync([sent], TestContext.Current.CancellationToken);

        Assert.Equal(sent, await onB.NextAsync<PresenceChanged>());
        Assert.Equal(sent, await onA.NextAsync<PresenceChanged>());
    }

    [Fact]
    public async Task A_burst_of_events_arrives_complete_in_order_in_far_fewer_round_trips()
    {
        await using var a = await store.StartInstanceAsync();
        await using var b = await store.StartInstanceAsync();
        var onB = new EventRecorder();
        using var subscription = b.Get<IGameEventBus>().Subscribe(21, onB.Record);
        await WaitUntilListeningAsync(b);
        var bus = a.Get<PostgresGameEventBus>();
        var before = bus.Sent;

        var sent = Enumerable.Range(1, 3000).Select(v => Chat(21, v, a.InstanceId)).ToList();
        foreach (var gameEvent in sent)
        {
            await bus.PublishAsync([gameEvent], TestContext.Current.CancellationToken);
        }

        Assert.Equal(sent, await onB.TakeAsync(sent.Count));
        var after = bus.Sent;
        Assert.Equal(3000, after.Events - before.Events);
        Assert.True(after.RoundTrips - before.RoundTrips < 300, $"{after.RoundTrips - before.RoundTrips} round trips for 3000 events");
    }

    [Fact]
    public async Task A_burst_of_lobby_changes_on_one_instance_reaches_the_lobby_on_another_in_far_fewer_notifications()
    {
        await using var a = await store.StartInstanceAsync();
        await using var b = await store.StartInstanceAsync();
        var onB = new EventRecorder();
        using var lobby = b.Get<IGameEventBus>().Subscribe(LobbyChanged.LobbyId, onB.Record);
        using var game = b.Get<IGameEventBus>().Subscribe(41, onB.Record);
        await WaitUntilListeningAsync(b);

        // 200 changes published at once, then a game event to mark the end of the burst.
        await a.Get<IGameEventBus>().PublishAsync([.. Enumerable.Repeat(new LobbyChanged(a.InstanceId), 200), Chat(41, 1, a.InstanceId)], TestContext.Current.CancellationToken);

        var received = await onB.UntilAsync<ChatPosted>();
        var lobbyChanges = received.OfType<LobbyChanged>().Count();
        Assert.InRange(lobbyChanges, 1, 20);
        Assert.All(received.OfType<LobbyChanged>(), e => Assert.Equal(a.InstanceId, e.Origin));
    }

    [Fact]
    public async Task After_its_connection_is_killed_the_listener_reconnects_and_asks_for_a_resync()
    {
        await using var a = await store.StartInstanceAsync();
        await using var b = await store.StartInstanceAsync();
        var onB = new EventRecorder();
        await WaitUntilListeningAsync(b);
        using var subscription = b.Get<IGameEventBus>().Subscribe(31, onB.Record); // after the first LISTEN: no resync yet

        Assert.Equal(1, await TerminateListenerAsync(b));
        await onB.NextAsync<ResyncNeeded>(e => e.GameId == 31);
        await a.Get<IGameEventBus>().PublishAsync([Chat(31, 2, a.InstanceId)], TestContext.Current.CancellationToken);

        Assert.Equal(2, (await onB.NextAsync<ChatPosted>()).Version);
    }

    private async Task<int> TerminateListenerAsync(TestHost host)
    {
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity WHERE application_name = $1", connection);
        kill.Parameters.AddWithValue($"igo-listener-{host.InstanceId:N}");
        return (int)(await kill.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>The listener starts in the background; a test that publishes first would race it.</summary>
    internal static async Task WaitUntilListeningAsync(TestHost host, string? connectionString = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString ?? host.Get<Igo.Data.Configuration.StoreSettings>().ConnectionString);
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await Eventually.QueriesAsync(
            async () =>
            {
                await using var query = new NpgsqlCommand("SELECT count(*)::int FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN%'", connection);
                query.Parameters.AddWithValue($"igo-listener-{host.InstanceId:N}");
                return (int)(await query.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
            },
            listening => listening == 1,
            TestContext.Current.CancellationToken,
            EventRecorder.Deadline,
            "the instance's listener connection to be LISTENing (sessions seen)");
    }
}
