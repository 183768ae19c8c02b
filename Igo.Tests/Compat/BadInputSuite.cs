using System.Text;
using Igo.Testing.Sockets;
using Igo.Tests.Infrastructure;

namespace Igo.Tests.Compat;

/// <summary>
/// Input the original mishandled or did not check (issue 4, "Beyond the original"): each gets a clear, non-empty refusal
/// and changes nothing. Runs against every coordinator a derived class provides.
/// </summary>
public abstract class BadInputSuite
{
    protected abstract AppOnRealPort App { get; }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{"type":"join_game","key":"0000000000"}x""", "not valid JSON")]
    [InlineData("""{"type":"join_game",}""", "not valid JSON")]
    [InlineData("[1,2]", "must be one JSON object, not an array")]
    [InlineData("42", "must be one JSON object, not a number")]
    [InlineData("\"new_game\"", "must be one JSON object, not a string")]
    [InlineData("{}", "has no \"type\"")]
    [InlineData("""{"type":"resume_game","key":"0000000000"}""", "Unknown message type 'resume_game'")]
    [InlineData("""{"type":7}""", "\"type\" must be a string")]
    [InlineData("""{"type":"new_game","vs":"human","color":"black","size":"19","komi":6.5}""", "\"size\" must be a number")]
    [InlineData("""{"type":"new_game","vs":"human","color":"black","size":19,"komi":"6.5"}""", "\"komi\" must be a number")]
    [InlineData("""{"type":"new_game","vs":"robot","color":"black","size":19,"komi":6.5}""", "Unknown vs 'robot'")]
    [InlineData("""{"type":"new_game","vs":"human","color":"red","size":19,"komi":6.5}""", "Unknown color 'red'")]
    [InlineData("""{"type":"new_game","vs":null,"color":"black","size":19,"komi":6.5}""", "\"vs\" must be a string")]
    [InlineData("""{"type":"join_game","key":1234567890}""", "\"key\" must be a string")]
    [InlineData("""{"type":"game_action","key":"0000000000","action_type":"undo"}""", "Unknown action_type 'undo'")]
    [InlineData("""{"type":"chat_message","key":"0000000000","message":["hi"]}""", "\"message\" must be a string")]
    public async Task Malformed_or_mistyped_messages_get_a_clear_error_and_nothing_else(string frame, string expected)
    {
        await using var client = await ProtocolClient.ConnectAsync(App.WebSocketUri(), TestContext.Current.CancellationToken);

        await client.SendAsync(frame);

        var error = await client.ExpectErrorAsync();
        Assert.Contains(expected, error, StringComparison.Ordinal);
        await client.ExpectNothingAsync();

        // The connection stays usable.
        await client.SendAsync(Wire.Join("0000000000"));
        Assert.False((await client.ExpectAsync("join_game_response")).Flag("success"));
    }

    [Fact]
    public async Task A_binary_frame_is_refused_even_when_it_holds_a_valid_message()
    {
        await using var client = await ProtocolClient.ConnectAsync(App.WebSocketUri(), TestContext.Current.CancellationToken);

        await client.SendBinaryAsync(Encoding.UTF8.GetBytes("""{"type":"new_game","vs":"human","color":"black","size":9,"komi":6.5}"""));

        Assert.Contains("Binary frames are not accepted", await client.ExpectErrorAsync(), StringComparison.Ordinal);
        await client.ExpectNothingAsync();
    }

    [Theory]
    [InlineData(7, 6.5, "The board size must be 9, 13 or 19")]
    [InlineData(21, 6.5, "The board size must be 9, 13 or 19")]
    [InlineData(19.5, 6.5, "The board size must be 9, 13 or 19")]
    [InlineData(-19, 6.5, "The board size must be 9, 13 or 19")]
    [InlineData(19, -0.5, "Komi must be a number from 0 to 100.5")]
    [InlineData(19, 101, "Komi must be a number from 0 to 100.5")]
    public async Task New_game_with_an_unsupported_size_or_komi_gets_a_failed_response(double size, double komi, string explanation)
    {
        await using var client = await ProtocolClient.ConnectAsync(App.WebSocketUri(), TestContext.Current.CancellationToken);

        await client.SendAsync(new { type = "new_game", vs = "human", color = "black", size, komi });

        var response = await client.ExpectAsync("new_game_response");
        ProtocolSuite.AssertSeatRefused(response, explanation);
        await client.ExpectNothingAsync();
    }

    [Theory]
    [InlineData(19, 100.5)]
    [InlineData(9, 0)]
    [InlineData(13, 7)]
    public async Task New_game_accepts_the_sizes_and_komi_the_frontend_offers(int size, double komi)
    {
        await using var client = await ProtocolClient.ConnectAsync(App.WebSocketUri(), TestContext.Current.CancellationToken);

        await client.SendAsync(Wire.NewGame("white", size, komi));

        Assert.True((await client.ExpectAsync("new_game_response")).Flag("success"));
        var status = await client.ExpectAsync("game_status");
        Assert.Equal(komi, status.GetProperty("komi").GetDouble());
    }

    [Theory]
    [InlineData("[-1,3]", "Point (-1, 3) is not on the 9x9 board")]
    [InlineData("[3,-1]", "Point (3, -1) is not on the 9x9 board")]
    [InlineData("[9,0]", "Point (9, 0) is not on the 9x9 board")]
    [InlineData("[0,9]", "Point (0, 9) is not on the 9x9 board")]
    [InlineData("[1.5,2]", "coords must be [row, col]")]
    [InlineData("[true,false]", "coords must be [row, col]")]
    [InlineData("[]", "coords must be [row, col]")]
    [InlineData("[1,2,3]", "coords must be [row, col]")]
    [InlineData("\"D4\"", "coords must be [row, col]")]
    [InlineData("{\"row\":1,\"col\":2}", "coords must be [row, col]")]
    [InlineData("null", "place_stone needs coords")]
    [InlineData(null, "place_stone needs coords")]
    public async Task A_placement_with_bad_coordinates_is_refused_and_changes_nothing(string? coords, string explanation)
    {
        await using var client = await ProtocolClient.ConnectAsync(App.WebSocketUri(), TestContext.Current.CancellationToken);
        var key = (await ProtocolSuite.CreateAsync(client, "black", 9)).Key("black");

        var coordsField = coords is null ? string.Empty : $",\"coords\":{coords}";
        await client.SendAsync($$"""{"type":"game_action","key":"{{key}}","action_type":"place_stone"{{coordsField}}}""");

        var response = await client.ExpectAsync("game_action_response");
        Assert.False(response.Flag("success"));
        Assert.Contains(explanation, response.Text("explanation"), StringComparison.Ordinal);
        await client.ExpectNothingAsync();

        // Nothing changed: black is still to move and may play the point a wrapped-around index would have hit.
        await client.SendAsync(Wire.Place(key, 8, 3));
        Assert.True((await client.ExpectAsync("game_action_response")).Flag("success"));
        var status = await client.ExpectAsync("game_status");
        Assert.Equal("""["b",false,false,""]""", status.PointAt(8, 3));
        Assert.Equal(1, status.GetProperty("board").GetProperty("points").EnumerateArray().SelectMany(r => r.EnumerateArray()).Count(p => p[0].GetString() != string.Empty));
    }

    [Fact]
    public async Task Coordinates_are_ignored_for_actions_that_take_none()
    {
        await using var client = await ProtocolClient.ConnectAsync(App.WebSocketUri(), TestContext.Current.CancellationToken);
        var key = (await ProtocolSuite.CreateAsync(client, "black", 9)).Key("black");

        await client.SendAsync(new { type = "game_action", key, action_type = "pass_turn", coords = (int[]?)null });

        var response = await client.ExpectAsync("game_action_response");
        Assert.True(response.Flag("success"));
        Assert.Equal("Black passed on their turn", response.Text("explanation"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("00000000000")]
    [InlineData("000000000!")]
    public async Task Joining_a_key_that_cannot_exist_is_not_found(string key)
    {
        await using var client = await ProtocolClient.ConnectAsync(App.WebSocketUri(), TestContext.Current.CancellationToken);

        await client.SendAsync(Wire.Join(key));

        ProtocolSuite.AssertSeatRefused(await client.ExpectAsync("join_game_response"), $"A game corresponding to key {key} was not found. Please double-check and try again");
    }

    [Fact]
    public async Task Extra_fields_are_ignored()
    {
        await using var client = await ProtocolClient.ConnectAsync(App.WebSocketUri(), TestContext.Current.CancellationToken);

        await client.SendAsync("""{"type":"new_game","vs":"human","color":"black","size":9,"komi":6.5,"keys":{"white":"x"},"extra":[1,{"a":null}]}""");

        Assert.True((await client.ExpectAsync("new_game_response")).Flag("success"));
    }

    [Fact]
    public async Task Chat_longer_than_the_limit_or_holding_a_NUL_is_refused_and_not_stored()
    {
        await using var client = await ProtocolClient.ConnectAsync(App.WebSocketUri(), TestContext.Current.CancellationToken);
        var key = (await ProtocolSuite.CreateAsync(client, "black", 9)).Key("black");

        await client.SendAsync(Wire.Chat(key, new string('x', 2001)));
        Assert.Contains("longer than the limit of 2000 characters", await client.ExpectErrorAsync(), StringComparison.Ordinal);
        await client.SendAsync(Wire.Chat(key, "a\0b"));
        Assert.Contains("NUL", await client.ExpectErrorAsync(), StringComparison.Ordinal);
        await client.ExpectNothingAsync();

        await client.SendAsync(Wire.Chat(key, new string('y', 2000)));
        var chat = await client.ExpectAsync("chat");
        Assert.Equal(2000, chat.GetProperty("thread")[0].Text("message").Length);

        // Only the accepted line was stored: a rejoin's complete thread holds it alone.
        await client.CloseAsync();
        await using var reader = await ProtocolClient.ConnectAsync(App.WebSocketUri(), TestContext.Current.CancellationToken);
        await reader.SendAsync(Wire.Join(key));
        await reader.ExpectAsync("join_game_response");
        await reader.ExpectAsync("game_status");
        var thread = await reader.ExpectAsync("chat");
        Assert.Single(thread.GetProperty("thread").EnumerateArray());
    }

    [Fact]
    public async Task A_message_over_the_frame_limit_is_refused_and_the_connection_closed()
    {
        await using var client = await ProtocolClient.ConnectAsync(App.WebSocketUri(), TestContext.Current.CancellationToken);

        await client.SendAsync(Wire.Chat("0000000000", new string('z', 70_000)));

        Assert.Contains("larger than the limit of 65536 bytes", await client.ExpectErrorAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.MessageTooBig, await client.Closed.WaitAsync(ProtocolClient.DefaultTimeout, TestContext.Current.CancellationToken));
    }
}
