using System.Text.Json;
using Igo.Domain;
using Igo.Testing.Sockets;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;

namespace Igo.Tests.Compat;

/// <summary>
/// The scoring phase with an igo-frontend player (black, on /websocket) against a player on the shared board (white,
/// through its seat, as a Blazor page acts): the frontend's mark_dead request and request_tally_score work as before,
/// the shared board's marking reaches it as marked-dead points, a change withdraws its pending count request, and the
/// other player's acceptance is the tally request it can accept.
/// </summary>
[Trait("Category", "Compat")]
public sealed class SharedScoringCompatTests(PostgresCompatApp fixture) : IClassFixture<PostgresCompatApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_frontend_player_and_a_shared_board_player_score_one_game_together()
    {
        await using var black = await ProtocolClient.ConnectAsync(fixture.App.WebSocketUri(), Cancel);
        var created = await ProtocolSuite.CreateAsync(black, "black", 9);
        var key = created.Key("black");
        var coordinator = fixture.App.Services.GetRequiredService<IGameCoordinator>();
        var joined = await coordinator.JoinGameAsync(created.Key("white"), null, new SeatHolder(ConnectionKind.Circuit, "blazor-scoring"), Cancel);
        await using var white = joined.Seat!;
        await black.WaitForAsync("opponent_connected", d => d.Flag("opponentConnected"));

        await black.SendAsync(Wire.Place(key, 2, 2));
        Assert.True((await black.ExpectAsync("game_action_response")).Flag("success"));
        Assert.True((await white.ActAsync(ActionType.PlaceStone, new Point(6, 6), Cancel)).Success);
        await black.WaitForAsync("game_status", s => s.PointAt(6, 6) == """["w",false,false,""]""");
        await black.SendAsync(Wire.Action(key, "pass_turn"));
        Assert.True((await black.ExpectAsync("game_action_response")).Flag("success"));
        Assert.True((await white.ActAsync(ActionType.Pass, null, Cancel)).Success);
        await black.WaitForAsync("game_status", s => s.Text("status") == "endgame");

        // The shared board's marking: black's stone, marked dead by white, shows as a marked-dead point.
        Assert.True((await white.ActAsync(ActionType.MarkGroupDead, new Point(2, 2), Cancel)).Success);
        await black.WaitForAsync("game_status", s => s.PointAt(2, 2) == """["b",true,false,""]""");

        // The frontend's per-chain request, as in the original: accepted, the chain is removed as a prisoner.
        await black.SendAsync(new { type = "game_action", key, action_type = "mark_dead", coords = new[] { 6, 6 } });
        var asked = await black.ExpectAsync("game_action_response");
        Assert.True(asked.Flag("success"), asked.GetRawText());
        Assert.Equal("1 stones marked as dead. Awaiting response...", asked.Text("explanation"));
        Assert.Equal(RequestType.MarkDead, white.Snapshot.View.PendingRequest?.Type);
        Assert.True((await white.ActAsync(ActionType.Accept, null, Cancel)).Success);
        var removed = await black.WaitForAsync("game_status", s => s.PointAt(6, 6) == """["",false,false,""]""");
        Assert.Equal("""{"white":0,"black":1}""", removed.GetProperty("prisoners").GetRawText());

        // The frontend's count request; a change on the shared board withdraws it.
        await black.SendAsync(Wire.Action(key, "request_tally_score"));
        Assert.True((await black.ExpectAsync("game_action_response")).Flag("success"));
        await black.WaitForAsync("game_status", s => s.GetProperty("pendingRequest").ValueKind == JsonValueKind.Object);
        Assert.True((await white.ActAsync(ActionType.MarkGroupAlive, new Point(2, 2), Cancel)).Success);
        var withdrawn = await black.WaitForAsync("game_status", s => s.PointAt(2, 2) == """["b",false,false,""]""");
        Assert.Equal(JsonValueKind.Null, withdrawn.GetProperty("pendingRequest").ValueKind);
        Assert.Equal("endgame", withdrawn.Text("status"));

        // The shared board player's acceptance is the tally request the frontend accepts.
        Assert.True((await white.ActAsync(ActionType.MarkGroupDead, new Point(2, 2), Cancel)).Success);
        var version = white.Snapshot.View.Scoring!.Marking.Version;
        var accepted = await white.AcceptCountAsync(version, Cancel);
        Assert.True(accepted.Success, accepted.ToString());
        await black.WaitForAsync("game_status", s => s.GetProperty("pendingRequest").GetRawText() == """{"requestType":"tally_score","initiator":"white"}""");
        await black.SendAsync(Wire.Action(key, "accept"));
        var answer = await black.ExpectAsync("game_action_response");
        Assert.Equal("Black accepted white's request to tally the score", answer.Text("explanation"));

        var complete = await black.WaitForAsync("game_status", s => s.Text("status") == "complete");
        Assert.Equal("""{"resultType":"standard_win","winner":"white"}""", complete.GetProperty("result").GetRawText());
        Assert.Equal("""["b",true,false,""]""", complete.PointAt(2, 2));
        Assert.Equal(GameStatus.Complete, white.Snapshot.View.Status);
    }
}
