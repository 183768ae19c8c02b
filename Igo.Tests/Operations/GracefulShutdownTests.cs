using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using Igo.Domain;
using Igo.Testing.Sockets;
using Igo.Tests.Compat;
using Igo.Tests.Data;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;

namespace Igo.Tests.Operations;

[Trait("Category", "Operations")]
public sealed class GracefulShutdownTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Stopping_an_instance_closes_its_sockets_as_going_away_after_releasing_every_key_it_held_and_loses_nothing_acknowledged()
    {
        var idA = Guid.NewGuid();
        var a = OperationsHelpers.StartOnPostgres(database.ConnectionString, idA, new Dictionary<string, string?> { ["Igo:Operations:ShutdownTimeout"] = "00:00:10" });
        await using var b = OperationsHelpers.StartOnPostgres(database.ConnectionString);
        using (var clientB = OperationsHelpers.Client(b.BaseAddress))
        {
            await OperationsHelpers.WaitForReadinessAsync(clientB, HttpStatusCode.OK);
        }

        await using var black = await ProtocolClient.ConnectAsync(a.WebSocketUri(), TestContext.Current.CancellationToken);
        await using var white = await ProtocolClient.ConnectAsync(b.WebSocketUri(), TestContext.Current.CancellationToken);
        await black.SendAsync(Wire.NewGame("black", 9, 6.5));
        var keys = await black.ExpectAsync("new_game_response");
        await white.SendAsync(Wire.Join(keys.Key("white")));
        Assert.True((await white.ExpectAsync("join_game_response")).Flag("success"));
        await black.SendAsync(Wire.Place(keys.Key("black"), 4, 4));
        Assert.True((await black.WaitForAsync("game_action_response")).Flag("success"));

        // A game against the computer, which A's computer player host drives.
        await using var human = await ProtocolClient.ConnectAsync(a.WebSocketUri(), TestContext.Current.CancellationToken);
        await human.SendAsync(Wire.NewGame("black", 9, 6.5, vs: "computer"));
        var versusComputer = await human.ExpectAsync("new_game_response");
        await human.WaitForAsync("opponent_connected", o => o.Flag("opponentConnected"));
        Assert.Equal(idA, await OperationsHelpers.HolderAsync(database.ConnectionString, versusComputer.Key("white")));

        // And a seat held directly as a computer connection.
        var coordinator = a.Services.GetRequiredService<IGameCoordinator>();
        var computer = await coordinator.CreateGameAsync(
            new NewGameRequest(9, Ruleset.Japanese(6.5), Color.White, OpponentKind.Human),
            new SeatHolder(ConnectionKind.Computer, "computer-1"),
            TestContext.Current.CancellationToken);
        Assert.True(computer.Success);
        Assert.Equal(idA, await OperationsHelpers.HolderAsync(database.ConnectionString, keys.Key("black")));
        Assert.Equal(idA, await OperationsHelpers.HolderAsync(database.ConnectionString, computer.Seat!.Key));

        var clock = Stopwatch.StartNew();
        await a.DisposeAsync();
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the stop took {clock.Elapsed}");
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await black.Closed.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        Assert.Null(await OperationsHelpers.HolderAsync(database.ConnectionString, keys.Key("black")));
        Assert.Null(await OperationsHelpers.HolderAsync(database.ConnectionString, computer.Seat.Key));
        Assert.Null(await OperationsHelpers.HolderAsync(database.ConnectionString, versusComputer.Key("white")));
        Assert.Null(await OperationsHelpers.HolderAsync(database.ConnectionString, versusComputer.Key("black")));
        Assert.Equal(0, await OperationsHelpers.ScalarAsync(database.ConnectionString, "SELECT count(*) FROM instances WHERE id = $1", idA));
        await white.WaitForAsync("opponent_connected", o => !o.Flag("opponentConnected"));

        // The client reconnects elsewhere: its key is free, and the move it was told about is there.
        await using var again = await ProtocolClient.ConnectAsync(b.WebSocketUri(), TestContext.Current.CancellationToken);
        await again.SendAsync(Wire.Join(keys.Key("black")));
        Assert.True((await again.ExpectAsync("join_game_response")).Flag("success"));
        var status = await again.ExpectAsync("game_status");
        Assert.Equal("""["b",false,false,""]""", status.PointAt(4, 4));
        Assert.Equal("white", status.Text("turn"));
    }
}
