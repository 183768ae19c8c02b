using System.Diagnostics.Metrics;
using System.Globalization;
using Igo.Data.Configuration;
using Igo.Domain;
using Igo.Web.Games;
using Npgsql;

namespace Igo.Tests.Data;

/// <summary>
/// An instance under more load than its pool serves waits for connections: PostgreSQL never sees more of its
/// connections than the cap, and no request fails for want of one (a stock server has max_connections 100).
/// </summary>
[Trait("Category", "Data")]
public sealed class ConnectionCapTests(PostgresStore store) : IClassFixture<PostgresStore>
{
    private const int Games = 100;
    private const int MovesPerPlayer = 5;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Under_more_load_than_its_pool_serves_an_instance_stays_within_its_connection_cap_and_no_request_fails()
    {
        // The default cap, as a deployment has it (the test hosts' own default is lower: see TestHost).
        var cap = new IgoDataOptions().MaxPoolSize;
        await using var host = await store.StartInstanceAsync(settings: new Dictionary<string, string?> { ["Igo:Data:MaxPoolSize"] = cap.ToString(CultureInfo.InvariantCulture) });
        var pool = PostgresConnections.PoolApplicationName(host.InstanceId);
        var listener = PostgresConnections.ListenerApplicationName(host.InstanceId);
        using var waits = new PoolWaits(pool);
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var sampling = SampleConnectionsAsync(pool, listener, stopSampling.Token);

        var coordinator = host.Get<IGameCoordinator>();
        var failures = await Task.WhenAll(Enumerable.Range(0, Games).Select(game => PlayAsync(coordinator, game)));
        await stopSampling.CancelAsync();
        var (samples, mostPooled, mostListening) = await sampling;

        Assert.Empty(failures.SelectMany(f => f));
        Assert.True(samples >= 10, $"only {samples} looks at pg_stat_activity");
        Assert.True(waits.MostPending > 0, "no caller ever waited for a connection: the load did not reach the cap");
        Assert.True(mostPooled <= cap, $"{mostPooled} pooled connections at once; the cap is {cap}");
        Assert.True(mostListening <= 1, $"{mostListening} listener connections at once");
        TestContext.Current.TestOutputHelper?.WriteLine($"cap {cap}: at most {mostPooled} pooled connections seen in {samples} looks; up to {waits.MostPending} callers waited for one at once");
    }

    /// <summary>
    /// Creates a 19x19 game, joins it and plays non-capturing moves in turn, each with a chat line; returns what went
    /// wrong, if anything. Setup, moves and releases share the group commit's one transaction at a time, so it is the
    /// chat lines, each a transaction of its own, that ask for more connections at once than the pool holds.
    /// </summary>
    private static async Task<List<string>> PlayAsync(IGameCoordinator coordinator, int game)
    {
        var failures = new List<string>();
        var created = await coordinator.CreateGameAsync(new NewGameRequest(19, Ruleset.Japanese(), Color.Black, OpponentKind.Human), new SeatHolder(ConnectionKind.Socket, $"cap-{game}-b"), Cancel);
        if (created.Seat is not { } black)
        {
            return [$"game {game}: new game failed: {created.Failure}"];
        }

        await using (black)
        {
            var joined = await coordinator.JoinGameAsync(black.Keys.White, null, new SeatHolder(ConnectionKind.Socket, $"cap-{game}-w"), Cancel);
            if (joined.Seat is not { } white)
            {
                return [$"game {game}: join failed: {joined.Failure}"];
            }

            await using (white)
            {
                for (var move = 0; move < MovesPerPlayer; move++)
                {
                    // Black fills row 3 from the left, white row 15: never touching, never capturing.
                    foreach (var (seat, row) in new[] { (black, 3), (white, 15) })
                    {
                        var reply = await seat.ActAsync(ActionType.PlaceStone, new Point(row, move), Cancel);
                        var chat = await seat.ChatAsync($"move {move}", Cancel);
                        if (!reply.Success || !chat.Success)
                        {
                            failures.Add($"game {game}, move {move}: {reply} / chat: {chat}");
                        }
                    }
                }
            }
        }

        return failures;
    }

    /// <summary>Looks at pg_stat_activity as often as it can until stopped: how many looks, and the most connections of each kind seen at once.</summary>
    private async Task<(int Samples, long MostPooled, long MostListening)> SampleConnectionsAsync(string pool, string listener, CancellationToken stop)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(store.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE application_name = $1), count(*) FILTER (WHERE application_name = $2) FROM pg_stat_activity",
            connection);
        count.Parameters.Add(new NpgsqlParameter { Value = pool });
        count.Parameters.Add(new NpgsqlParameter { Value = listener });
        var (samples, mostPooled, mostListening) = (0, 0L, 0L);
        while (!stop.IsCancellationRequested)
        {
            await using (var reader = await count.ExecuteReaderAsync(Cancel))
            {
                await reader.ReadAsync(Cancel);
                mostPooled = Math.Max(mostPooled, reader.GetInt64(0));
                mostListening = Math.Max(mostListening, reader.GetInt64(1));
            }

            samples++;
            await Task.Delay(5, Cancel);
        }

        return (samples, mostPooled, mostListening);
    }

    /// <summary>The most callers that waited at once for a connection of one pool (Npgsql's pending-requests counter).</summary>
    private sealed class PoolWaits : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly object gate = new();
        private long pending;

        public PoolWaits(string poolName)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Npgsql" && instrument.Name == "db.client.connection.npgsql.pending_requests")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "db.client.connection.pool.name" && Equals(tag.Value, poolName))
                    {
                        lock (gate)
                        {
                            pending += value;
                            MostPending = Math.Max(MostPending, pending);
                        }
                    }
                }
            });
            listener.Start();
        }

        public long MostPending { get; private set; }

        public void Dispose() => listener.Dispose();
    }
}
