using Igo.Computer.Gtp;

namespace Igo.Tests.Computer;

[Trait("Category", "Ai")]
public sealed class GtpResponseParserTests
{
    [Fact]
    public void A_success_with_an_id_ends_at_the_empty_line()
    {
        var parser = new GtpResponseParser();

        Assert.Null(parser.Feed("=12 C3"));
        var response = parser.Feed(string.Empty);

        Assert.Equal(new GtpResponse(true, 12, "C3"), response);
    }

    [Fact]
    public void A_failure_keeps_its_message()
    {
        var parser = new GtpResponseParser();

        parser.Feed("?3 illegal move");
        var response = parser.Feed(string.Empty);

        Assert.Equal(new GtpResponse(false, 3, "illegal move"), response);
    }

    [Fact]
    public void A_multi_line_answer_keeps_its_lines_and_drops_carriage_returns_and_tabs()
    {
        var parser = new GtpResponseParser();

        parser.Feed("= boardsize\r");
        parser.Feed("clear_board\r");
        parser.Feed("final_status_list\tdead");
        var response = parser.Feed("\r");

        Assert.Equal(new GtpResponse(true, null, "boardsize\nclear_board\nfinal_status_list dead"), response);
    }

    [Fact]
    public void An_empty_success_has_empty_text()
    {
        var parser = new GtpResponseParser();

        parser.Feed("=");
        Assert.Equal(new GtpResponse(true, null, string.Empty), parser.Feed(string.Empty));
    }

    [Fact]
    public void Lines_outside_a_response_are_ignored()
    {
        var parser = new GtpResponseParser();

        Assert.Null(parser.Feed("KataGo v1.15 loading model..."));
        Assert.Null(parser.Feed(string.Empty));
        parser.Feed("=7 pass");
        var response = parser.Feed(string.Empty);

        Assert.Equal(new GtpResponse(true, 7, "pass"), response);
    }

    [Fact]
    public void Two_answers_in_a_row_are_read_separately()
    {
        var parser = new GtpResponseParser();
        var responses = new List<GtpResponse>();

        foreach (var line in new[] { "=1", string.Empty, "?2 unknown command", string.Empty })
        {
            if (parser.Feed(line) is { } response)
            {
                responses.Add(response);
            }
        }

        Assert.Equal([new GtpResponse(true, 1, string.Empty), new GtpResponse(false, 2, "unknown command")], responses);
    }

    [Fact]
    public void An_answer_cut_short_by_the_end_of_output_is_flushed()
    {
        var parser = new GtpResponseParser();

        parser.Feed("=9");

        Assert.Equal(new GtpResponse(true, 9, string.Empty), parser.Flush());
        Assert.Null(parser.Flush());
    }

    [Theory]
    [InlineData("B+3.5", 3.5)]
    [InlineData("W+10.3 (upper bound: 12.0, lower: 8.0)", -10.3)]
    [InlineData("0", 0.0)]
    public void Scores_are_read_as_blacks_lead(string text, double lead)
    {
        Assert.Equal(lead, GtpScore.Parse(text)!.BlackLead);
    }

    [Fact]
    public void A_resignation_score_has_a_winner_but_no_margin()
    {
        var score = GtpScore.Parse("W+R")!;

        Assert.Equal(Igo.Domain.Color.White, score.Winner);
        Assert.Null(score.BlackLead);
        Assert.Null(GtpScore.Parse("nonsense"));
    }

    [Fact]
    public void Vertices_read_pass_resign_and_points_and_reject_off_board_answers()
    {
        Assert.True(GtpVertex.ParseMove("PASS", 9).IsPass);
        Assert.True(GtpVertex.ParseMove("resign", 9).IsResign);
        Assert.Equal(new Igo.Domain.Point(8, 0), GtpVertex.ParseMove("A1", 9).Point);
        Assert.Equal(new Igo.Domain.Point(0, 8), GtpVertex.ParseMove("j9", 9).Point);
        Assert.Throws<GtpEngineException>(() => GtpVertex.ParseMove("K10", 9));
        Assert.Equal([new Igo.Domain.Point(4, 4), new Igo.Domain.Point(8, 8)], GtpVertex.ParseList("E5\nJ1 pass", 9));
    }
}
