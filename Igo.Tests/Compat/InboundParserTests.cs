using System.Text;
using Igo.Domain;
using Igo.Web.Compat;
using Igo.Web.Games;

namespace Igo.Tests.Compat;

[Trait("Category", "Compat")]
public sealed class InboundParserTests
{
    [Fact]
    public void A_new_game_message_reads_its_four_fields()
    {
        var parsed = Parse("""{"type":"new_game","vs":"computer","color":"white","size":13,"komi":7}""");

        Assert.Equal(new NewGameMessage(OpponentKind.Computer, Color.White, 13, 7), parsed.Message);
    }

    [Fact]
    public void A_game_action_reads_coords_as_row_and_column()
    {
        var parsed = Parse("""{"type":"game_action","key":"a8Xk2LmQ0z","action_type":"place_stone","coords":[3,15]}""");

        Assert.Equal(new GameActionMessage("a8Xk2LmQ0z", ActionType.PlaceStone, "place_stone", new Coords(CoordsKind.Given, new Point(3, 15))), parsed.Message);
    }

    [Theory]
    [InlineData("pass_turn", ActionType.Pass)]
    [InlineData("mark_dead", ActionType.MarkDead)]
    [InlineData("request_draw", ActionType.RequestDraw)]
    [InlineData("resign", ActionType.Resign)]
    [InlineData("request_tally_score", ActionType.RequestTally)]
    [InlineData("accept", ActionType.Accept)]
    [InlineData("reject", ActionType.Reject)]
    public void Every_action_type_of_the_protocol_maps_to_the_domain(string name, ActionType expected)
    {
        var parsed = Parse($$"""{"type":"game_action","key":"k","action_type":"{{name}}","coords":null}""");

        var action = Assert.IsType<GameActionMessage>(parsed.Message);
        Assert.Equal(expected, action.Action);
        Assert.Equal(CoordsKind.None, action.Coords.Kind);
    }

    [Fact]
    public void A_repeated_field_takes_its_last_value_and_escaped_names_count()
    {
        var parsed = Parse("""{"type":"join_game","key":"first","\u006bey":"second"}""");

        Assert.Equal(new JoinGameMessage("second", null), parsed.Message);
    }

    [Fact]
    public void A_repeated_coords_field_takes_its_last_value()
    {
        var parsed = Parse("""{"type":"game_action","key":"k","action_type":"mark_dead","coords":"D4","coords":[1,2]}""");

        Assert.Equal(new Coords(CoordsKind.Given, new Point(1, 2)), Assert.IsType<GameActionMessage>(parsed.Message).Coords);
    }

    [Theory]
    [InlineData("{\"type\":\"join_game\",}", "The message is not valid JSON (error at line 1, byte 21)")]
    [InlineData("{\"type\":\"join_game\",\"key\":\"k\"}x", "The message is not valid JSON (error at line 1, byte 31)")]
    [InlineData("{\n  \"type\": join_game\n}", "The message is not valid JSON (error at line 2, byte 11)")]
    [InlineData("[1,2]", "Each message must be one JSON object, not an array")]
    [InlineData("null", "Each message must be one JSON object, not null")]
    [InlineData("{\"key\":\"k\"}", "The message has no \"type\"; expected one of new_game, join_game, game_action, chat_message")]
    [InlineData("{\"type\":null}", "\"type\" must be a string")]
    [InlineData("{\"type\":\"new_game\",\"vs\":null,\"color\":\"black\"}", "Required key size not found in incoming new_game message")]
    [InlineData("{\"type\":\"new_game\",\"vs\":\"human\",\"color\":7,\"size\":\"9\",\"komi\":1}", "\"color\" must be a string")]
    [InlineData("{\"type\":\"new_game\",\"vs\":\"robot\",\"color\":\"red\",\"size\":9,\"komi\":1}", "Unknown vs 'robot'; expected human or computer")]
    [InlineData("{\"type\":\"join_game\",\"key\":null}", "\"key\" must be a string")]
    [InlineData("{\"type\":\"game_action\",\"key\":\"k\"}", "Required key action_type not found in incoming game_action message")]
    [InlineData("{\"type\":\"game_action\",\"key\":\"k\",\"action_type\":\"undo\"}", "Unknown action_type 'undo'; expected one of place_stone, pass_turn, mark_dead, request_draw, resign, request_tally_score, accept, reject")]
    [InlineData("{\"type\":\"chat_message\",\"message\":\"hi\"}", "Required key key not found in incoming chat_message message")]
    [InlineData("{\"type\":\"chat_message\",\"key\":\"k\",\"message\":false}", "\"message\" must be a string")]
    public void Each_refusal_names_what_is_wrong_and_where(string frame, string expected)
    {
        Assert.Equal(ParseResult.Refused(expected), Parse(frame));
    }

    [Fact]
    public void The_computer_secret_is_read_when_given()
    {
        Assert.Equal(new JoinGameMessage("k", "s"), Parse("""{"type":"join_game","key":"k","ai_secret":"s"}""").Message);
        Assert.Equal(new JoinGameMessage("k", null), Parse("""{"type":"join_game","key":"k","ai_secret":null}""").Message);
        Assert.NotNull(Parse("""{"type":"join_game","key":"k","ai_secret":5}""").Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("{\"type\":\"new_game\"")]
    [InlineData("{\"type\":\"join_game\",\"key\":\"k\"} {}")]
    [InlineData("{'type':'join_game'}")]
    [InlineData("{\"type\":\"join_game\",\"key\":\"k\" /* c */}")]
    [InlineData("true")]
    [InlineData("null")]
    public void Anything_but_one_JSON_object_is_refused_with_a_message(string frame)
    {
        var parsed = Parse(frame);

        Assert.Null(parsed.Message);
        Assert.False(string.IsNullOrWhiteSpace(parsed.Error));
    }

    [Fact]
    public void Invalid_UTF8_is_refused_without_an_exception()
    {
        byte[] frame = [.. "{\"type\":\"join_game\",\"key\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        var parsed = InboundParser.Parse(frame);

        Assert.Null(parsed.Message);
        Assert.Contains("not valid", parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_beyond_the_depth_limit_is_refused()
    {
        var deep = "{\"type\":\"join_game\",\"key\":\"k\",\"x\":" + new string('[', 100) + new string(']', 100) + "}";

        Assert.Contains("not valid JSON", Parse(deep).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_too_large_for_a_double_reads_as_no_valid_size()
    {
        var parsed = Parse("""{"type":"new_game","vs":"human","color":"black","size":1e999,"komi":6.5}""");

        Assert.False(double.IsFinite(Assert.IsType<NewGameMessage>(parsed.Message).Size));
    }

    [Fact]
    public void An_unknown_value_is_echoed_only_in_part()
    {
        var parsed = Parse($$"""{"type":"{{new string('t', 5000)}}"}""");

        Assert.True(parsed.Error!.Length < 200);
    }

    private static ParseResult Parse(string frame) => InboundParser.Parse(Encoding.UTF8.GetBytes(frame));
}
