using System.Net;
using Igo.Testing.Sockets;
using Igo.Tests.Compat;
using Igo.Tests.Data;

namespace Igo.Tests.Operations;

[Trait("Category", "Operations")]
public sealed class MetricsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_game_across_two_instances_records_players_games_actions_latency_commits_notify_lag_and_rejections()
    {
        await using var a = OperationsHelpers.StartOnPostgres(database.ConnectionString);
        using var onA = new MetricRecorder(a.Services);
        await using var b = OperationsHelpers.StartOnPostgres(database.ConnectionString);
        using var onB = new MetricRecorder(b.Services);
        using (var clientB = OperationsHelpers.Client(b.BaseAddress))
        {
            await OperationsHelpers.WaitForReadinessAsync(clientB, HttpStatusCode.OK);
        }

        await using (var black = await ProtocolClient.ConnectAsync(a.WebSocketUri(), TestContext.Current.CancellationToken))
        await using (var white = await ProtocolClient.ConnectAsync(b.WebSocketUri(), TestContext.Current.CancellationToken))
        {
            await black.SendAsync(Wire.NewGame("black", 9, 6.5));
            var keys = await black.ExpectAsync("new_game_response");
            await white.SendAsync(Wire.Join(keys.Key("white")));
            Assert.True((await white.ExpectAsync("join_game_response")).Flag("success"));

            await white.SendAsync(Wire.Place(keys.Key("white"), 0, 0)); // out of turn
            Assert.False((await white.WaitForAsync("game_action_response")).Flag("success"));
            await black.SendAsync(Wire.Place(keys.Key("black"), 2, 2));
            Assert.True((await black.WaitForAsync("game_action_response")).Flag("success"));
            await white.WaitForAsync("game_status", s => s.PointAt(2, 2).StartsWith("[\"b\"", StringComparison.Ordinal));
            await black.SendAsync("this is not JSON");
            await black.WaitForAsync("error");

            Assert.Equal(1, onA.Sum("igo.connected_players", ("igo.connection.kind", "socket")));
            Assert.Equal(1, onB.Sum("igo.connected_players", ("igo.connection.kind", "socket")));
            Assert.Equal(1, onA.Sum("igo.active_games"));
            Assert.Equal(1, onB.Sum("igo.active_games"));
            Assert.Equal(1, onA.Sum("igo.actions", ("igo.action.type", "place_stone"), ("igo.action.outcome", "accepted")));
            Assert.Equal(0, onB.Sum("igo.actions", ("igo.action.outcome", "accepted")));
            Assert.Equal(1, onB.Of("igo.actions", ("igo.action.type", "place_stone")).Count(r => r.Tags["igo.action.outcome"] != "accepted"));
            var latency = Assert.Single(onA.Of("igo.action.duration"));
            Assert.InRange(latency.Value, 0.000001, 10);
            Assert.Contains(onA.Of("igo.store.commit.batch_size"), r => r.Value >= 1);
            Assert.Contains(onA.Of("igo.store.commit.duration"), r => r.Value > 0);
            // B may hear the move before A's NOTIFY round trip has returned and been counted.
            await onA.WaitUntilAsync(m => m.Of("igo.events.notify.batch_size").Any(r => r.Value >= 1), "A to count its NOTIFY batch");
            await onB.WaitUntilAsync(m => m.Of("igo.events.notify.lag", ("igo.event.origin", "other")).Count > 0, "B to time the move A notified");
            Assert.All(onB.Of("igo.events.notify.lag"), r => Assert.InRange(r.Value, 0, 10));
            Assert.Equal(1, onA.Sum("igo.inputs.rejected", ("igo.rejection.reason", "malformed")));
        }

        // Both sockets closed: their keys are released and the games leave memory.
        await onA.WaitUntilAsync(m => m.Sum("igo.connected_players") == 0 && m.Sum("igo.active_games") == 0, "A to forget its player and game");
        await onB.WaitUntilAsync(m => m.Sum("igo.connected_players") == 0 && m.Sum("igo.active_games") == 0, "B to forget its player and game");

        using var scrape = OperationsHelpers.Client(a.BaseAddress);
        var text = await scrape.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("igo_actions_total{", text, StringComparison.Ordinal);
        Assert.Contains("igo_action_type=\"place_stone\"", text, StringComparison.Ordinal);
        Assert.Contains("igo_action_duration_seconds_bucket{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_listener_connection_is_reconnected_counted_once_and_readiness_is_back()
    {
        var id = Guid.NewGuid();
        await using var app = OperationsHelpers.StartOnPostgres(database.ConnectionString, id);
        using var metrics = new MetricRecorder(app.Services);
        using var client = OperationsHelpers.Client(app.BaseAddress);
        await OperationsHelpers.WaitForReadinessAsync(client, HttpStatusCode.OK);
        Assert.Equal(0, metrics.Sum("igo.events.listener.reconnects"));

        var killed = await OperationsHelpers.ScalarAsync(
            database.ConnectionString,
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1",
            $"igo-listener-{id:N}");
        Assert.Equal(1, killed);

        await metrics.WaitUntilAsync(m => m.Sum("igo.events.listener.reconnects") == 1, "the listener to reconnect");
        var ready = await OperationsHelpers.WaitForReadinessAsync(client, HttpStatusCode.OK);
        Assert.Equal("Healthy", ready.CheckStatus("events"));
    }
}
