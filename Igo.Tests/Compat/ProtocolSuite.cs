using System.Text.Json;
using System.Text.RegularExpressions;
using Igo.Testing.Sockets;
using Igo.Tests.Infrastructure;

namespace Igo.Tests.Compat;

/// <summary>
/// The protocol as the igo-frontend sees it (docs/PROTOCOL.md §2.3, §3, §11 items 19–23 and 25), through a real WebSocket
/// against the app on a real port. Runs against every coordinator a derived class provides.
/// </summary>
public abstract partial class ProtocolSuite
{
    protected abstract AppOnRealPort App { get; }

    protected Task<ProtocolClient> ConnectAsync() => ProtocolClient.ConnectAsync(App.WebSocketUri(), TestContext.Current.CancellationToken);

    [Fact]
    public async Task New_game_sends_response_state_empty_chat_and_absent_opponent_in_that_order()
    {
        await using var creator = await ConnectAsync();

        await creator.SendAsync(Wire.NewGame("black", 19, 6.5));

        var response = await creator.ExpectAsync("new_game_response");
        var status = await creator.ExpectAsync("game_status");
        var chat = await creator.ExpectAsync("chat");
        var opponent = await creator.ExpectAsync("opponent_connected");
        await creator.ExpectNothingAsync();

        var black = response.Key("black");
        var white = response.Key("white");
        Assert.Matches(KeyPattern(), black);
        Assert.Matches(KeyPattern(), white);
        Assert.Equal("black", response.Text("yourColor"));
        Assert.True(response.Flag("success"));
        Assert.Equal(
            $"Successfully created new game. Make sure to give the white player key ({white}) to your opponent so that they can join the game.  Your key is {black}. Make sure to write it down in case you want to pause the game and resume it later, or if you want to view it once complete",
            response.Text("explanation"));

        AssertFreshState(status, 19, 6.5);
        Assert.Equal("""{"thread":[],"isComplete":true}""", chat.GetRawText());
        Assert.False(opponent.Flag("opponentConnected"));
    }

    [Fact]
    public async Task A_second_new_game_on_the_same_connection_succeeds_with_four_more_messages()
    {
        await using var creator = await ConnectAsync();
        var first = await CreateAsync(creator, "white", 9);

        await creator.SendAsync(Wire.NewGame("black", 13, 0));

        var second = await creator.ExpectAsync("new_game_response");
        AssertFreshState(await creator.ExpectAsync("game_status"), 13, 0);
        Assert.Equal("""{"thread":[],"isComplete":true}""", (await creator.ExpectAsync("chat")).GetRawText());
        Assert.False((await creator.ExpectAsync("opponent_connected")).Flag("opponentConnected"));
        await creator.ExpectNothingAsync();
        Assert.NotEqual(first.Key("white"), second.Key("black"));
        Assert.Equal("black", second.Text("yourColor"));
    }

    [Fact]
    public async Task Join_sends_response_first_then_state_complete_chat_and_opponent_presence_and_tells_the_opponent()
    {
        await using var creator = await ConnectAsync();
        await using var joiner = await ConnectAsync();
        var created = await CreateAsync(creator, "white", 9);
        await creator.SendAsync(Wire.Chat(created.Key("white"), "hello"));
        await creator.ExpectAsync("chat");

        await joiner.SendAsync(Wire.Join(created.Key("black")));

        var response = await joiner.ExpectAsync("join_game_response");
        Assert.True(response.Flag("success"));
        Assert.Equal("black", response.Text("yourColor"));
        Assert.Equal("Successfully (re)joined the game as black", response.Text("explanation"));
        Assert.Equal(created.GetProperty("keys").GetRawText(), response.GetProperty("keys").GetRawText());
        AssertFreshState(await joiner.ExpectAsync("game_status"), 9, 6.5);
        var thread = await joiner.ExpectAsync("chat");
        Assert.True(thread.Flag("isComplete"));
        Assert.Equal("hello", thread.GetProperty("thread")[0].Text("message"));
        Assert.True((await joiner.ExpectAsync("opponent_connected")).Flag("opponentConnected"));
        await joiner.ExpectNothingAsync();

        Assert.True((await creator.ExpectAsync("opponent_connected")).Flag("opponentConnected"));
        await creator.ExpectNothingAsync();
    }

    [Fact]
    public async Task Join_failures_send_only_a_failed_response_with_the_original_texts()
    {
        await using var creator = await ConnectAsync();
        await using var other = await ConnectAsync();
        var created = await CreateAsync(creator, "white", 9);
        var white = created.Key("white");

        await creator.SendAsync(Wire.Join(white));
        AssertSeatRefused(await creator.ExpectAsync("join_game_response"), $"You are already playing using that key ({white})");

        await creator.SendAsync(Wire.Join("0000000000"));
        AssertSeatRefused(await creator.ExpectAsync("join_game_response"), "A game corresponding to key 0000000000 was not found. Please double-check and try again");

        await other.SendAsync(Wire.Join(white));
        AssertSeatRefused(await other.ExpectAsync("join_game_response"), $"Someone else is already playing using that key ({white})");

        await creator.ExpectNothingAsync();
        await other.ExpectNothingAsync();
    }

    [Fact]
    public async Task Joining_the_other_key_of_ones_own_game_shows_the_arrival_then_the_game_then_the_released_old_key()
    {
        await using var client = await ConnectAsync();
        var created = await CreateAsync(client, "white", 9);

        await client.SendAsync(Wire.Join(created.Key("black")));

        Assert.True((await client.ExpectAsync("opponent_connected")).Flag("opponentConnected"));
        var response = await client.ExpectAsync("join_game_response");
        Assert.Contains("joined the game as black", response.Text("explanation"), StringComparison.Ordinal);
        Assert.Equal("black", response.Text("yourColor"));
        AssertFreshState(await client.ExpectAsync("game_status"), 9, 6.5);
        Assert.True((await client.ExpectAsync("chat")).Flag("isComplete"));
        Assert.False((await client.ExpectAsync("opponent_connected")).Flag("opponentConnected"));
        await client.ExpectNothingAsync();

        // The white key really was released: someone else can take it now.
        await using var other = await ConnectAsync();
        await other.SendAsync(Wire.Join(created.Key("white")));
        Assert.True((await other.ExpectAsync("join_game_response")).Flag("success"));
    }

    [Fact]
    public async Task A_move_out_of_turn_gets_one_failed_response_and_a_legal_move_reaches_both_players()
    {
        var (black, white, keys) = await StartGameAsync(9);
        await using var _ = black;
        await using var __ = white;

        await white.SendAsync(Wire.Place(keys.White, 0, 0));
        var refused = await white.ExpectAsync("game_action_response");
        Assert.False(refused.Flag("success"));
        Assert.Equal("It isn't white's turn", refused.Text("explanation"));
        await white.ExpectNothingAsync();
        await black.ExpectNothingAsync();

        await black.SendAsync(Wire.Place(keys.Black, 0, 0));
        Assert.True((await black.ExpectAsync("game_action_response")).Flag("success"));
        var moverStatus = await black.ExpectAsync("game_status");
        var opponentStatus = await white.ExpectAsync("game_status");
        await black.ExpectNothingAsync();
        await white.ExpectNothingAsync();

        foreach (var status in new[] { moverStatus, opponentStatus })
        {
            Assert.Equal("""["b",false,false,""]""", status.PointAt(0, 0));
            Assert.Equal("[0,0]", status.GetProperty("lastMove").GetRawText());
            Assert.Equal("white", status.Text("turn"));
        }
    }

    [Fact]
    public async Task Chat_is_echoed_to_both_players_as_a_single_incomplete_thread()
    {
        var (black, white, keys) = await StartGameAsync(9);
        await using var _ = black;
        await using var __ = white;

        await black.SendAsync(Wire.Chat(keys.Black, "hi bob"));

        foreach (var player in new[] { black, white })
        {
            var chat = await player.ExpectAsync("chat");
            Assert.False(chat.Flag("isComplete"));
            var line = Assert.Single(chat.GetProperty("thread").EnumerateArray());
            Assert.Equal("black", line.Text("color"));
            Assert.Equal("hi bob", line.Text("message"));
            Assert.Equal(JsonValueKind.Number, line.GetProperty("id").ValueKind);
            Assert.InRange(line.GetProperty("timestamp").GetDouble(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 60);
            Assert.Equal(["timestamp", "color", "message", "id"], line.EnumerateObject().Select(p => p.Name));
            await player.ExpectNothingAsync();
        }
    }

    [Fact]
    public async Task Messages_with_a_key_the_connection_does_not_hold_get_the_original_three_errors()
    {
        var (black, white, keys) = await StartGameAsync(9);
        await using var _ = black;
        await using var __ = white;
        await using var stranger = await ConnectAsync();

        await black.SendAsync(Wire.Place("0000000000", 0, 0));
        Assert.Equal("Received message with unknown key 0000000000", await black.ExpectErrorAsync());

        await stranger.SendAsync(Wire.Place(keys.Black, 0, 0));
        Assert.Equal("Received message from a client who isn't subscribed to anything", await stranger.ExpectErrorAsync());

        await black.SendAsync(Wire.Chat(keys.White, "pretending"));
        Assert.Equal($"Received message with key {keys.White} from a client who isn't subscribed to that key", await black.ExpectErrorAsync());

        await black.ExpectNothingAsync();
        await white.ExpectNothingAsync();
    }

    [Theory]
    [InlineData("""{"type":"new_game","vs":"human","color":"black","size":19}""", "komi")]
    [InlineData("""{"type":"new_game","color":"black","size":19,"komi":6.5}""", "vs")]
    [InlineData("""{"type":"join_game"}""", "key")]
    [InlineData("""{"type":"game_action","key":"0000000000"}""", "action_type")]
    [InlineData("""{"type":"chat_message","key":"0000000000"}""", "message")]
    public async Task A_message_missing_a_required_key_is_refused_by_name(string json, string missing)
    {
        await using var client = await ConnectAsync();

        await client.SendAsync(json);

        Assert.Contains($"Required key {missing} not found", await client.ExpectErrorAsync(), StringComparison.Ordinal);
        await client.ExpectNothingAsync();
    }

    [Fact]
    public async Task Every_outbound_message_is_an_envelope_of_message_type_and_data_only()
    {
        await using var client = await ConnectAsync();

        await client.SendAsync(Wire.NewGame("black", 9));
        await client.SendAsync("{");
        var received = new List<Received>();
        for (var i = 0; i < 5; i++)
        {
            received.Add(await client.ReceiveAsync());
        }

        foreach (var message in received)
        {
            using var document = JsonDocument.Parse(message.Raw);
            Assert.Equal(["messageType", "data"], document.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Object, document.RootElement.GetProperty("data").ValueKind);
        }

        Assert.Equal(["new_game_response", "game_status", "chat", "opponent_connected", "error"], received.Select(m => m.MessageType));
    }

    [Fact]
    public async Task A_rejoin_after_close_succeeds_at_once_and_restores_the_game_and_chat()
    {
        await using var first = await ConnectAsync();
        var created = await CreateAsync(first, "black", 9);
        var key = created.Key("black");
        await first.SendAsync(Wire.Place(key, 2, 3));
        await first.ExpectAsync("game_action_response");
        await first.ExpectAsync("game_status");
        await first.SendAsync(Wire.Chat(key, "brb"));
        await first.ExpectAsync("chat");
        await first.CloseAsync();

        await using var second = await ConnectAsync();
        await second.SendAsync(Wire.Join(key));

        Assert.True((await second.ExpectAsync("join_game_response")).Flag("success"));
        var status = await second.ExpectAsync("game_status");
        Assert.Equal("""["b",false,false,""]""", status.PointAt(2, 3));
        var chat = await second.ExpectAsync("chat");
        Assert.True(chat.Flag("isComplete"));
        Assert.Equal("brb", chat.GetProperty("thread")[0].Text("message"));
        Assert.False((await second.ExpectAsync("opponent_connected")).Flag("opponentConnected"));
    }

    [Fact]
    public async Task Closing_a_socket_releases_its_key_and_tells_the_opponent()
    {
        var (black, white, keys) = await StartGameAsync(9);
        await using var _ = white;

        await black.DisposeAsync();

        Assert.False((await white.ExpectAsync("opponent_connected")).Flag("opponentConnected"));
        await using var again = await ConnectAsync();
        await again.SendAsync(Wire.Join(keys.Black));
        Assert.True((await again.ExpectAsync("join_game_response")).Flag("success"));
        Assert.True((await white.ExpectAsync("opponent_connected")).Flag("opponentConnected"));
    }

    [Fact]
    public async Task An_action_not_permitted_in_the_status_gets_a_failed_response_with_a_clear_explanation()
    {
        var (black, white, keys) = await StartGameAsync(9);
        await using var _ = black;
        await using var __ = white;

        await black.SendAsync(new { type = "game_action", key = keys.Black, action_type = "mark_dead", coords = new[] { 0, 0 } });
        var markDead = await black.ExpectAsync("game_action_response");
        await black.SendAsync(Wire.Action(keys.Black, "accept"));
        var accept = await black.ExpectAsync("game_action_response");

        foreach (var refused in new[] { markDead, accept })
        {
            Assert.False(refused.Flag("success"));
            Assert.False(string.IsNullOrWhiteSpace(refused.Text("explanation")));
        }

        await black.ExpectNothingAsync();
        await white.ExpectNothingAsync();
    }

    internal static async Task<JsonElement> CreateAsync(ProtocolClient client, string color, int size, double komi = 6.5)
    {
        await client.SendAsync(Wire.NewGame(color, size, komi));
        var response = await client.ExpectAsync("new_game_response");
        Assert.True(response.Flag("success"), response.GetRawText());
        await client.ExpectAsync("game_status");
        await client.ExpectAsync("chat");
        await client.ExpectAsync("opponent_connected");
        return response;
    }

    /// <summary>A game with black (the creator) and white both connected, every opening message consumed.</summary>
    protected async Task<(ProtocolClient Black, ProtocolClient White, (string Black, string White) Keys)> StartGameAsync(int size)
    {
        var black = await ConnectAsync();
        var white = await ConnectAsync();
        var created = await CreateAsync(black, "black", size);
        await white.SendAsync(Wire.Join(created.Key("white")));
        Assert.True((await white.ExpectAsync("join_game_response")).Flag("success"));
        await white.ExpectAsync("game_status");
        await white.ExpectAsync("chat");
        await white.ExpectAsync("opponent_connected");
        Assert.True((await black.ExpectAsync("opponent_connected")).Flag("opponentConnected"));
        return (black, white, (created.Key("black"), created.Key("white")));
    }

    protected static void AssertFreshState(JsonElement status, int size, double komi)
    {
        string[] fields = ["board", "status", "komi", "prisoners", "turn", "territory", "pendingRequest", "result", "lastMove", "timePlayed"];
        Assert.Equal(fields.Order(StringComparer.Ordinal), status.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var board = status.GetProperty("board");
        Assert.Equal(size, board.GetProperty("size").GetInt32());
        var rows = board.GetProperty("points");
        Assert.Equal(size, rows.GetArrayLength());
        Assert.All(rows.EnumerateArray(), row =>
        {
            Assert.Equal(size, row.GetArrayLength());
            Assert.All(row.EnumerateArray(), point => Assert.Equal("""["",false,false,""]""", point.GetRawText()));
        });
        Assert.Equal("play", status.Text("status"));
        Assert.Equal(komi, status.GetProperty("komi").GetDouble());
        Assert.Equal("""{"white":0,"black":0}""", status.GetProperty("prisoners").GetRawText());
        Assert.Equal("black", status.Text("turn"));
        Assert.Equal("""{"white":0,"black":0}""", status.GetProperty("territory").GetRawText());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("pendingRequest").ValueKind);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("result").ValueKind);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("lastMove").ValueKind);
        Assert.Equal(0.0, status.GetProperty("timePlayed").GetDouble());
    }

    internal static void AssertSeatRefused(JsonElement response, string explanation)
    {
        Assert.Equal(["keys", "yourColor", "success", "explanation"], response.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, response.GetProperty("keys").ValueKind);
        Assert.Equal(JsonValueKind.Null, response.GetProperty("yourColor").ValueKind);
        Assert.False(response.Flag("success"));
        Assert.Equal(explanation, response.Text("explanation"));
    }

    [GeneratedRegex("^[0-9a-zA-Z]{10}$")]
    private static partial Regex KeyPattern();
}
