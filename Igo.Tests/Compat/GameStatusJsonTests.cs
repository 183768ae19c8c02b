using System.Text;
using System.Text.Json;
using Igo.Domain;
using Igo.Web.Compat;

namespace Igo.Tests.Compat;

/// <summary>The game state on the wire (docs/PROTOCOL.md §3.1 and §11 items 1 and 17).</summary>
[Trait("Category", "Compat")]
public sealed class GameStatusJsonTests
{
    [Fact]
    public void Points_are_four_element_arrays_in_row_major_order()
    {
        var view = Views.Empty(9)
            .With(new Point(0, 1), PointState.Empty with { Stone = Stone.Black })
            .With(new Point(1, 0), new PointState(Stone.White, true, false, Stone.Empty))
            .With(new Point(2, 2), new PointState(Stone.Empty, false, true, Stone.Black))
            .With(new Point(8, 8), new PointState(Stone.Empty, false, true, Stone.Empty));

        var data = Write(Views.Snapshot(view));

        var points = data.GetProperty("board").GetProperty("points");
        Assert.Equal("""["",false,false,""]""", points[0][0].GetRawText());
        Assert.Equal("""["b",false,false,""]""", points[0][1].GetRawText());
        Assert.Equal("""["w",true,false,""]""", points[1][0].GetRawText());
        Assert.Equal("""["",false,true,"b"]""", points[2][2].GetRawText());
        Assert.Equal("""["",false,true,""]""", points[8][8].GetRawText());
    }

    [Fact]
    public void A_game_in_play_has_all_ten_fields_with_explicit_nulls()
    {
        var view = Views.Empty(9) with { LastMove = new Point(0, 1), Turn = Color.Black };

        var raw = Encoding.UTF8.GetString(OutboundMessages.GameStatus(Views.Snapshot(view, timePlayed: 12.84)));

        Assert.Equal(
            """{"messageType":"game_status","data":{"board":{"size":9,"points":[""" + string.Join(",", Enumerable.Repeat("[" + string.Join(",", Enumerable.Repeat("""["",false,false,""]""", 9)) + "]", 9)) +
            """]},"status":"play","komi":6.5,"prisoners":{"white":0,"black":0},"turn":"black","territory":{"white":0,"black":0},"pendingRequest":null,"result":null,"lastMove":[0,1],"timePlayed":12.84}}""",
            raw);
    }

    [Fact]
    public void A_pending_request_and_a_result_are_named_as_the_protocol_names_them()
    {
        var pending = Views.Empty(9) with { Status = GameStatus.RequestPending, PendingRequest = new PendingRequest(RequestType.TallyScore, Color.White) };
        var complete = Views.Empty(9) with { Status = GameStatus.Complete, Result = new GameResult(ResultType.StandardWin, Color.White), Territory = new PerColor<int>(5, 5), Prisoners = new PerColor<int>(2, 0) };
        var drawn = Views.Empty(9) with { Status = GameStatus.Complete, Result = new GameResult(ResultType.Draw, null) };
        var resigned = Views.Empty(9) with { Status = GameStatus.Complete, Result = new GameResult(ResultType.Resignation, Color.Black) };

        Assert.Equal("request_pending", Write(Views.Snapshot(pending)).Text("status"));
        Assert.Equal("""{"requestType":"tally_score","initiator":"white"}""", Write(Views.Snapshot(pending)).GetProperty("pendingRequest").GetRawText());
        Assert.Equal("""{"resultType":"standard_win","winner":"white"}""", Write(Views.Snapshot(complete)).GetProperty("result").GetRawText());
        Assert.Equal("""{"white":5,"black":5}""", Write(Views.Snapshot(complete)).GetProperty("territory").GetRawText());
        Assert.Equal("""{"white":0,"black":2}""", Write(Views.Snapshot(complete)).GetProperty("prisoners").GetRawText());
        Assert.Equal("""{"resultType":"draw","winner":null}""", Write(Views.Snapshot(drawn)).GetProperty("result").GetRawText());
        Assert.Equal("""{"resultType":"resignation","winner":"black"}""", Write(Views.Snapshot(resigned)).GetProperty("result").GetRawText());
    }

    [Theory]
    [InlineData(ResultType.Time, Color.Black, "black")]
    [InlineData(ResultType.Time, Color.White, "white")]
    [InlineData(ResultType.Forfeit, Color.White, "white")]
    public void A_win_on_time_or_by_forfeit_reads_as_a_standard_win_for_the_winner(ResultType type, Color winner, string word)
    {
        var view = Views.Empty(9) with { Status = GameStatus.Complete, Result = new GameResult(type, winner) };

        Assert.Equal($$"""{"resultType":"standard_win","winner":"{{word}}"}""", Write(Views.Snapshot(view)).GetProperty("result").GetRawText());
    }

    [Theory]
    [InlineData(RequestType.MarkDead, "mark_dead")]
    [InlineData(RequestType.Draw, "draw")]
    public void Mark_dead_and_draw_requests_keep_their_protocol_names(RequestType type, string name)
    {
        var view = Views.Empty(9) with { Status = GameStatus.RequestPending, PendingRequest = new PendingRequest(type, Color.Black) };

        Assert.Equal(name, Write(Views.Snapshot(view)).GetProperty("pendingRequest").Text("requestType"));
    }

    [Fact]
    public void An_undo_request_the_frontend_cannot_name_reads_as_play_without_a_request()
    {
        var view = Views.Empty(9) with { Status = GameStatus.RequestPending, PendingRequest = new PendingRequest(RequestType.Undo, Color.White) };

        var data = Write(Views.Snapshot(view));

        Assert.Equal("play", data.Text("status"));
        Assert.Equal(JsonValueKind.Null, data.GetProperty("pendingRequest").ValueKind);
    }

    [Fact]
    public void Messages_and_responses_have_exactly_the_protocol_fields()
    {
        var keys = new Igo.Web.Games.GameKeys("bbbbbbbbbb", "wwwwwwwwww");

        Assert.Equal(
            """{"messageType":"join_game_response","data":{"keys":{"white":"wwwwwwwwww","black":"bbbbbbbbbb"},"yourColor":"black","success":true,"explanation":"ok"}}""",
            Encoding.UTF8.GetString(OutboundMessages.JoinGameResponse(keys, Color.Black, "ok")));
        Assert.Equal(
            """{"messageType":"new_game_response","data":{"keys":null,"yourColor":null,"success":false,"explanation":"no"}}""",
            Encoding.UTF8.GetString(OutboundMessages.NewGameResponse(null, null, "no")));
        Assert.Equal("""{"messageType":"game_action_response","data":{"success":false,"explanation":"Point (3, 15) is occupied"}}""", Encoding.UTF8.GetString(OutboundMessages.GameActionResponse(false, "Point (3, 15) is occupied")));
        Assert.Equal("""{"messageType":"opponent_connected","data":{"opponentConnected":true}}""", Encoding.UTF8.GetString(OutboundMessages.OpponentConnected(true)));
        Assert.Equal("""{"messageType":"error","data":{"errorMessage":"x"}}""", Encoding.UTF8.GetString(OutboundMessages.Error("x")));
        Assert.Equal(
            """{"messageType":"chat","data":{"thread":[{"timestamp":1632400000.123,"color":"black","message":"hi bob","id":17}],"isComplete":false}}""",
            Encoding.UTF8.GetString(OutboundMessages.Chat([new Igo.Web.Games.ChatMessage(17, DateTimeOffset.FromUnixTimeMilliseconds(1632400000123), Color.Black, "hi bob")], isComplete: false)));
    }

    private static JsonElement Write(Igo.Web.Games.GameSnapshot snapshot)
    {
        using var document = JsonDocument.Parse(OutboundMessages.GameStatus(snapshot));
        return document.RootElement.GetProperty("data").Clone();
    }
}
