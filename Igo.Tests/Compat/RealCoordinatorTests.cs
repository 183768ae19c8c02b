using System.Text.Json;
using Igo.Testing.Sockets;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Igo.Tests.Compat;

/// <summary>
/// What needs the real coordinator and rules on PostgreSQL: captures and rule texts through the wire, the whole endgame,
/// the computer opponent's key (§11 item 24), and two app instances on one database with a player on each.
/// </summary>
[Trait("Category", "Compat")]
public sealed class RealCoordinatorTests(PostgresCompatApp fixture) : IClassFixture<PostgresCompatApp>
{
    [Fact]
    public async Task Players_on_two_instances_of_one_database_see_each_others_moves_chat_and_presence()
    {
        await using var second = PostgresCompatApp.StartInstance(fixture.ConnectionString);
        await using var black = await ProtocolClient.ConnectAsync(fixture.App.WebSocketUri(), TestContext.Current.CancellationToken);
        await using var white = await ProtocolClient.ConnectAsync(second.WebSocketUri(), TestContext.Current.CancellationToken);
        var created = await ProtocolSuite.CreateAsync(black, "black", 9);
        var (blackKey, whiteKey) = (created.Key("black"), created.Key("white"));

        await white.SendAsync(Wire.Join(whiteKey));
        Assert.True((await white.ExpectAsync("join_game_response")).Flag("success"));
        await white.ExpectAsync("game_status");
        await white.ExpectAsync("chat");
        Assert.True((await white.ExpectAsync("opponent_connected")).Flag("opponentConnected"));
        Assert.True((await black.ExpectAsync("opponent_connected")).Flag("opponentConnected"));

        await black.SendAsync(Wire.Place(blackKey, 2, 2));
        Assert.True((await black.ExpectAsync("game_action_response")).Flag("success"));
        await black.ExpectAsync("game_status");
        Assert.Equal("""["b",false,false,""]""", (await white.ExpectAsync("game_status")).PointAt(2, 2));

        await white.SendAsync(Wire.Place(whiteKey, 6, 6));
        Assert.True((await white.ExpectAsync("game_action_response")).Flag("success"));
        await white.ExpectAsync("game_status");
        var seenByBlack = await black.ExpectAsync("game_status");
        Assert.Equal("""["w",false,false,""]""", seenByBlack.PointAt(6, 6));
        Assert.Equal("black", seenByBlack.Text("turn"));

        await white.SendAsync(Wire.Chat(whiteKey, "hello from the other side"));
        foreach (var player in new[] { black, white })
        {
            var chat = await player.ExpectAsync("chat");
            Assert.False(chat.Flag("isComplete"));
            Assert.Equal("white", chat.GetProperty("thread")[0].Text("color"));
        }

        await white.CloseAsync();
        Assert.False((await black.ExpectAsync("opponent_connected")).Flag("opponentConnected"));

        // The key freed on the second instance can be taken on the first at once.
        await using var again = await ProtocolClient.ConnectAsync(fixture.App.WebSocketUri(), TestContext.Current.CancellationToken);
        await again.SendAsync(Wire.Join(whiteKey));
        Assert.True((await again.ExpectAsync("join_game_response")).Flag("success"));
        var restored = await again.ExpectAsync("game_status");
        Assert.Equal("""["w",false,false,""]""", restored.PointAt(6, 6));
        Assert.Equal("hello from the other side", (await again.ExpectAsync("chat")).GetProperty("thread")[0].Text("message"));
        Assert.True((await black.ExpectAsync("opponent_connected")).Flag("opponentConnected"));
    }

    [Fact]
    public async Task A_key_held_on_another_instance_is_in_use()
    {
        await using var second = PostgresCompatApp.StartInstance(fixture.ConnectionString);
        await using var creator = await ProtocolClient.ConnectAsync(fixture.App.WebSocketUri(), TestContext.Current.CancellationToken);
        await using var other = await ProtocolClient.ConnectAsync(second.WebSocketUri(), TestContext.Current.CancellationToken);
        var key = (await ProtocolSuite.CreateAsync(creator, "black", 9)).Key("black");

        await other.SendAsync(Wire.Join(key));

        ProtocolSuite.AssertSeatRefused(await other.ExpectAsync("join_game_response"), $"Someone else is already playing using that key ({key})");
    }

    [Fact]
    public async Task Captures_suicide_and_time_played_come_through_the_wire()
    {
        var (black, white, keys) = await StartGameAsync();
        await using var _ = black;
        await using var __ = white;

        await PlayAsync(black, white, keys.Black, 0, 1);
        await PlayAsync(white, black, keys.White, 0, 0);
        var captured = await PlayAsync(black, white, keys.Black, 1, 0);

        Assert.Equal("""["",false,false,""]""", captured.PointAt(0, 0));
        Assert.Equal("""{"white":0,"black":1}""", captured.GetProperty("prisoners").GetRawText());
        Assert.True(captured.GetProperty("timePlayed").GetDouble() > 0);

        await white.SendAsync(Wire.Place(keys.White, 0, 0));
        var suicide = await white.ExpectAsync("game_action_response");
        Assert.False(suicide.Flag("success"));
        Assert.Equal("Playing at (0, 0) is suicide", suicide.Text("explanation"));

        await white.SendAsync(Wire.Place(keys.White, 0, 1));
        Assert.Equal("Point (0, 1) is occupied", (await white.ExpectAsync("game_action_response")).Text("explanation"));
        await white.ExpectNothingAsync();
        await black.ExpectNothingAsync();
    }

    [Fact]
    public async Task The_endgame_runs_from_two_passes_through_dead_stones_and_tally_to_a_result()
    {
        var (black, white, keys) = await StartGameAsync();
        await using var _ = black;
        await using var __ = white;
        await PlayAsync(black, white, keys.Black, 4, 4);
        await PlayAsync(white, black, keys.White, 0, 0);

        await ActAsync(black, white, Wire.Action(keys.Black, "pass_turn"), "Black passed on their turn");
        var endgame = await ActAsync(white, black, Wire.Action(keys.White, "pass_turn"), "White passed on their turn");
        Assert.Equal("endgame", endgame.Text("status"));

        var marked = await ActAsync(black, white, new { type = "game_action", key = keys.Black, action_type = "mark_dead", coords = new[] { 0, 0 } }, "1 stones marked as dead. Awaiting response...");
        Assert.Equal("request_pending", marked.Text("status"));
        Assert.Equal("""{"requestType":"mark_dead","initiator":"black"}""", marked.GetProperty("pendingRequest").GetRawText());
        Assert.Equal("""["w",true,false,""]""", marked.PointAt(0, 0));

        await black.SendAsync(Wire.Action(keys.Black, "accept"));
        var ownRequest = await black.ExpectAsync("game_action_response");
        Assert.False(ownRequest.Flag("success"));
        Assert.False(string.IsNullOrWhiteSpace(ownRequest.Text("explanation")));

        var removed = await ActAsync(white, black, Wire.Action(keys.White, "accept"), "White accepted black's request to mark 1 white stones as dead");
        Assert.Equal("endgame", removed.Text("status"));
        Assert.Equal("""{"white":0,"black":1}""", removed.GetProperty("prisoners").GetRawText());

        var tally = await ActAsync(white, black, Wire.Action(keys.White, "request_tally_score"), "White requested that the score be tallied. Awaiting response...");
        Assert.Equal("""{"requestType":"tally_score","initiator":"white"}""", tally.GetProperty("pendingRequest").GetRawText());
        var complete = await ActAsync(black, white, Wire.Action(keys.Black, "accept"), "Black accepted white's request to tally the score");

        Assert.Equal("complete", complete.Text("status"));
        Assert.Equal(JsonValueKind.Null, complete.GetProperty("pendingRequest").ValueKind);
        Assert.Equal(JsonValueKind.Null, complete.GetProperty("lastMove").ValueKind);
        Assert.Equal("""{"white":0,"black":80}""", complete.GetProperty("territory").GetRawText());
        Assert.Equal("""{"resultType":"standard_win","winner":"black"}""", complete.GetProperty("result").GetRawText());
        Assert.Equal("""["",false,true,"b"]""", complete.PointAt(0, 0));

        await white.SendAsync(Wire.Action(keys.White, "resign"));
        var afterEnd = await white.ExpectAsync("game_action_response");
        Assert.False(afterEnd.Flag("success"));
        Assert.False(string.IsNullOrWhiteSpace(afterEnd.Text("explanation")));
        await white.ExpectNothingAsync();
        await black.ExpectNothingAsync();
    }

    [Fact]
    public async Task A_computer_opponent_joins_holds_its_key_and_answers_a_move()
    {
        await using var human = await ProtocolClient.ConnectAsync(fixture.App.WebSocketUri(), TestContext.Current.CancellationToken);

        await human.SendAsync(Wire.NewGame("black", 9, vs: "computer"));
        var created = await human.ExpectAsync("new_game_response");
        Assert.EndsWith("The AI player will join the game shortly", created.Text("explanation"), StringComparison.Ordinal);
        await human.ExpectAsync("game_status");
        await human.ExpectAsync("chat");
        // The computer may already hold its key when the game is shown; otherwise its arrival follows.
        if (!(await human.ExpectAsync("opponent_connected")).Flag("opponentConnected"))
        {
            await human.WaitForAsync("opponent_connected", d => d.Flag("opponentConnected"));
        }

        await human.SendAsync(Wire.Place(created.Key("black"), 4, 4));
        Assert.True((await human.ExpectAsync("game_action_response")).Flag("success"));
        var answered = await human.WaitForAsync("game_status", s => s.Text("turn") == "black");
        var stones = answered.GetProperty("board").GetProperty("points").EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(p => p[0].GetString()).ToList();
        Assert.Equal(1, stones.Count(s => s == "b"));
        Assert.True(stones.Count(s => s == "w") == 1 || answered.GetProperty("lastMove").ValueKind == JsonValueKind.Null, answered.GetRawText());

        await using var intruder = await ProtocolClient.ConnectAsync(fixture.App.WebSocketUri(), TestContext.Current.CancellationToken);
        await intruder.SendAsync(Wire.Join(created.Key("white")));
        ProtocolSuite.AssertSeatRefused(await intruder.ExpectAsync("join_game_response"), $"Someone else is already playing using that key ({created.Key("white")})");
    }

    [Fact]
    public async Task A_computer_opponents_key_needs_its_secret_and_a_rejoin_starts_the_computer_again()
    {
        var launcher = new RecordingLauncher();
        await using var app = PostgresCompatApp.StartInstance(fixture.ConnectionString, services: services =>
        {
            services.RemoveAll<IComputerPlayerLauncher>();
            services.AddSingleton<IComputerPlayerLauncher>(launcher);
        });
        await using var human = await ProtocolClient.ConnectAsync(app.WebSocketUri(), TestContext.Current.CancellationToken);

        await human.SendAsync(Wire.NewGame("white", 9, vs: "computer"));
        var created = await human.ExpectAsync("new_game_response");
        Assert.Equal(
            $"Successfully created new game. Your key is {created.Key("white")}. Make sure to write it down in case you want to pause the game and resume it later, or if you want to view it once complete. The AI player will join the game shortly",
            created.Text("explanation"));
        await human.ExpectAsync("game_status");
        await human.ExpectAsync("chat");
        Assert.False((await human.ExpectAsync("opponent_connected")).Flag("opponentConnected"));
        var started = Assert.Single(launcher.Requests);
        Assert.Equal(created.Key("black"), started.Key);

        await using var intruder = await ProtocolClient.ConnectAsync(app.WebSocketUri(), TestContext.Current.CancellationToken);
        await intruder.SendAsync(Wire.Join(created.Key("black")));
        ProtocolSuite.AssertSeatRefused(await intruder.ExpectAsync("join_game_response"), $"Key {created.Key("black")} is designated as a computer player and cannot be joined without the correct secret");
        await intruder.SendAsync(new { type = "join_game", key = created.Key("black"), ai_secret = "0000000000" });
        Assert.False(string.IsNullOrEmpty(await intruder.ExpectErrorAsync()));

        await using var computer = await ProtocolClient.ConnectAsync(app.WebSocketUri(), TestContext.Current.CancellationToken);
        await computer.SendAsync(new { type = "join_game", key = started.Key, ai_secret = started.Secret });
        var joined = await computer.ExpectAsync("join_game_response");
        Assert.Equal("Successfully (re)joined the game as black", joined.Text("explanation"));
        Assert.True((await human.ExpectAsync("opponent_connected")).Flag("opponentConnected"));

        await computer.CloseAsync();
        Assert.False((await human.ExpectAsync("opponent_connected")).Flag("opponentConnected"));
        await human.CloseAsync();
        await using var back = await ProtocolClient.ConnectAsync(app.WebSocketUri(), TestContext.Current.CancellationToken);
        await back.SendAsync(Wire.Join(created.Key("white")));
        Assert.Equal("Successfully (re)joined the game as white. The computer player will join shortly", (await back.ExpectAsync("join_game_response")).Text("explanation"));
        Assert.Equal(2, launcher.Requests.Count);
    }

    [Fact]
    public async Task An_undo_request_from_a_Blazor_player_is_declined_for_the_frontend_player_who_cannot_see_it()
    {
        await using var black = await ProtocolClient.ConnectAsync(fixture.App.WebSocketUri(), TestContext.Current.CancellationToken);
        var created = await ProtocolSuite.CreateAsync(black, "black", 9);
        var coordinator = fixture.App.Services.GetRequiredService<IGameCoordinator>();
        var joined = await coordinator.JoinGameAsync(created.Key("white"), null, new SeatHolder(ConnectionKind.Circuit, "blazor-circuit"), TestContext.Current.CancellationToken);
        await using var white = joined.Seat!;
        await black.WaitForAsync("opponent_connected", d => d.Flag("opponentConnected"));
        await black.SendAsync(Wire.Place(created.Key("black"), 2, 2));
        await black.ExpectAsync("game_action_response");
        await black.ExpectAsync("game_status");
        Assert.True((await white.ActAsync(Igo.Domain.ActionType.PlaceStone, new Igo.Domain.Point(6, 6), TestContext.Current.CancellationToken)).Success);
        await black.WaitForAsync("game_status", s => s.PointAt(6, 6) == """["w",false,false,""]""");

        var asked = await white.ActAsync(Igo.Domain.ActionType.RequestUndo, null, TestContext.Current.CancellationToken);
        Assert.True(asked.Success, asked.ToString());

        // The frontend never sees a request it cannot name, and the request is declined on its player's behalf.
        var shown = await black.ExpectAsync("game_status");
        Assert.Equal("play", shown.Text("status"));
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("pendingRequest").ValueKind);
        var declined = await black.ExpectAsync("game_status");
        Assert.Equal("play", declined.Text("status"));
        Assert.Equal("""["w",false,false,""]""", declined.PointAt(6, 6));
        Assert.Null(white.Snapshot.View.PendingRequest);

        await black.SendAsync(Wire.Place(created.Key("black"), 3, 3));
        Assert.True((await black.ExpectAsync("game_action_response")).Flag("success"));
    }

    private async Task<(ProtocolClient Black, ProtocolClient White, (string Black, string White) Keys)> StartGameAsync()
    {
        var black = await ProtocolClient.ConnectAsync(fixture.App.WebSocketUri(), TestContext.Current.CancellationToken);
        var white = await ProtocolClient.ConnectAsync(fixture.App.WebSocketUri(), TestContext.Current.CancellationToken);
        var created = await ProtocolSuite.CreateAsync(black, "black", 9);
        await white.SendAsync(Wire.Join(created.Key("white")));
        await white.ExpectAsync("join_game_response");
        await white.ExpectAsync("game_status");
        await white.ExpectAsync("chat");
        await white.ExpectAsync("opponent_connected");
        await black.ExpectAsync("opponent_connected");
        return (black, white, (created.Key("black"), created.Key("white")));
    }

    private static Task<JsonElement> PlayAsync(ProtocolClient mover, ProtocolClient opponent, string key, int row, int col) =>
        ActAsync(mover, opponent, Wire.Place(key, row, col), "Successfully placed a ");

    /// <summary>A successful action: the mover's response (starting with the expected text) and state, and the same state at the opponent.</summary>
    private static async Task<JsonElement> ActAsync(ProtocolClient mover, ProtocolClient opponent, object action, string explanationStart)
    {
        await mover.SendAsync(action);
        var response = await mover.ExpectAsync("game_action_response");
        Assert.True(response.Flag("success"), response.GetRawText());
        Assert.StartsWith(explanationStart, response.Text("explanation"), StringComparison.Ordinal);
        var state = await mover.ExpectAsync("game_status");
        Assert.Equal(state.GetRawText(), (await opponent.ExpectAsync("game_status")).GetRawText());
        return state;
    }

    private sealed class RecordingLauncher : IComputerPlayerLauncher
    {
        private readonly List<ComputerSeatRequest> requests = [];

        public IReadOnlyList<ComputerSeatRequest> Requests
        {
            get
            {
                lock (requests)
                {
                    return [.. requests];
                }
            }
        }

        public void Launch(ComputerSeatRequest request)
        {
            lock (requests)
            {
                requests.Add(request);
            }
        }
    }
}
