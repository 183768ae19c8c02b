using Bunit;
using Igo.Domain;
using Igo.Tests.Domain;
using Igo.Web.Components.Review;
using Microsoft.AspNetCore.Components.Web;
using static Igo.Tests.Components.BoardEvents;

namespace Igo.Tests.Components;

/// <summary>The review board's controls: buttons, keys, slider, move numbers, variations, and the score graph's jumps.</summary>
[Trait("Category", "Components")]
public sealed class ReviewBoardTests : ComponentTestBase
{
    // 4x4: A3 A2 B4 B1 C3 C2 B2, then white B3 takes the ko, capturing B2.
    private static ReviewRecord KoRecord()
    {
        var game = Game.Create(4, new Ruleset(KoRule.Simple, ScoringRule.Territory, 0.5));
        game.Stones((1, 0), (2, 0), (0, 1), (3, 1), (1, 2), (2, 2), (2, 1), (1, 1));
        return ReviewRecord.Of(game);
    }

    private IRenderedComponent<ReviewBoard> Render(ReviewRecord record, IReadOnlyList<double>? leads = null, bool pending = false)
    {
        RenderInteractively();
        return Context.Render<ReviewBoard>(p => p
            .Add(b => b.Record, record)
            .Add(b => b.Leads, leads)
            .Add(b => b.LeadsPending, pending)
            .Add(b => b.Engine, "gnugo"));
    }

    private static string Position(IRenderedComponent<ReviewBoard> review) => review.Find("[data-review-position] strong").TextContent;

    private static string Announced(IRenderedComponent<ReviewBoard> review) => review.Find("[data-live-region]").TextContent;

    private static void Key(IRenderedComponent<ReviewBoard> review, string key) => review.Find("section.review").KeyDown(new KeyboardEventArgs { Key = key });

    [Fact]
    public void It_opens_at_the_end_and_the_buttons_step_and_say_each_move()
    {
        var review = Render(KoRecord());
        Assert.Equal("Move 8, White B3, captures 1", Position(review));
        Assert.Equal("true", review.Find("[data-action=next]").GetAttribute("aria-disabled"));

        review.Find("[data-action=previous]").Click();

        Assert.Equal("Move 7, Black B2", Position(review));
        Assert.Equal("Move 7, Black B2", Announced(review));
        Assert.NotNull(review.Find($"{Cell("B2")} .stone.black"));

        review.Find("[data-action=first]").Click();
        Assert.Equal("Start of the game", Position(review));
        Assert.Empty(review.FindAll(".stone"));
        Assert.Equal("true", review.Find("[data-action=previous]").GetAttribute("aria-disabled"));

        review.Find("[data-action=previous]").Click();
        Assert.Equal("Start of the game", Position(review));

        Assert.Empty(review.FindAll("[data-review-result]"));
        review.Find("[data-action=last]").Click();
        Assert.Equal("Move 8, White B3, captures 1", Announced(review));
        Assert.Equal("Captures: Black 0, White 1", review.Find(".review-prisoners").TextContent);
    }

    [Fact]
    public void Arrow_page_and_home_end_keys_step_through_the_moves_and_the_slider_jumps()
    {
        var review = Render(KoRecord());

        Key(review, "ArrowLeft");
        Assert.Equal("Move 7, Black B2", Position(review));
        Key(review, "Home");
        Assert.Equal("Start of the game", Position(review));
        Key(review, "ArrowRight");
        Assert.Equal("Move 1, Black A3", Announced(review));
        Key(review, "PageDown");
        Assert.Equal("Move 8, White B3, captures 1", Position(review));
        Key(review, "PageUp");
        Assert.Equal("Start of the game", Position(review));
        Key(review, "End");
        Assert.Equal("Move 8, White B3, captures 1", Position(review));
        Key(review, "x");
        Assert.Equal("Move 8, White B3, captures 1", Position(review));

        review.Find("[data-review-slider]").Input("3");
        Assert.Equal("Move 3, Black B4", Position(review));
        Assert.Equal("3", review.Find("[data-review-slider]").GetAttribute("value"));
        Assert.Equal("Move 3, Black B4", review.Find("[data-review-slider]").GetAttribute("aria-valuetext"));
    }

    [Fact]
    public void Move_numbers_are_drawn_on_the_stones_on_request()
    {
        var review = Render(KoRecord());
        Assert.Empty(review.FindAll(".move-number"));

        review.Find("[data-review-numbers]").Change(true);

        Assert.Equal("8", review.Find($"{Cell("B3")} .move-number").TextContent);
        Assert.Contains("last", review.Find($"{Cell("B3")} .move-number").ClassList);
        Assert.Equal("1", review.Find($"{Cell("A3")} .move-number").TextContent);
        Assert.Equal("B3, white stone, move 8, last move", review.Find(Cell("B3")).GetAttribute("aria-label"));
        Assert.Equal(7, review.FindAll(".move-number").Count);
    }

    [Fact]
    public void A_click_tries_a_variation_that_back_to_the_game_leaves()
    {
        var review = Render(KoRecord());
        review.Find("[data-action=first]").Click();
        Key(review, "PageDown");
        review.Find("[data-review-slider]").Input("6");

        review.ClickPoint("D1");

        Assert.Equal("Move 7, Black D1", Position(review));
        Assert.Equal("Variation: Move 7, Black D1", Announced(review));
        Assert.Contains("Variation from move 7", review.Find("[data-review-variation]").TextContent);
        Assert.NotNull(review.Find($"{Cell("D1")} .stone.black"));

        review.Find("[data-action=back-to-game]").Click();

        Assert.Empty(review.FindAll("[data-review-variation]"));
        Assert.Equal("Move 6, White C2", Position(review));
        Assert.Equal("Back to the game. Move 6, White C2", Announced(review));
        Assert.Empty(review.FindAll($"{Cell("D1")} .stone"));
    }

    [Fact]
    public void A_ko_retake_is_refused_with_its_reason()
    {
        var review = Render(KoRecord());

        review.ClickPoint("B2");

        Assert.Contains("Ko", review.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Ko", Announced(review), StringComparison.Ordinal);
        Assert.Empty(review.FindAll("[data-review-variation]"));
        Assert.Equal("Move 8, White B3, captures 1", Position(review));
    }

    [Fact]
    public void The_graph_marks_the_biggest_swings_and_jumps_to_a_move()
    {
        // Black's move 7 loses 10 points; white's move 8 loses 6.
        double[] leads = [0, 0.5, 0.2, 0.4, 0.1, 0.3, 0, -10, -4];
        var review = Render(KoRecord(), leads);

        Assert.Equal(["7", "8"], review.FindAll("[data-swing]").Select(b => b.GetAttribute("data-swing")));
        Assert.Equal(2, review.FindAll("circle.graph-swing").Count);
        Assert.Equal("8", review.Find("[data-graph-current]").GetAttribute("data-graph-current"));
        Assert.Contains("after the last move, White leads by 4", review.Find("#score-graph-summary").TextContent);
        Assert.Equal("img", review.Find("svg.score-graph-svg").GetAttribute("role"));
        Assert.Equal(9, review.FindAll(".score-graph-table tbody tr").Count);

        review.Find("[data-swing='7']").Click();
        Assert.Equal("Move 7, Black B2", Position(review));
        Assert.Equal("7", review.Find("[data-graph-current]").GetAttribute("data-graph-current"));

        review.Find("[data-graph-move='2']").Click();
        Assert.Equal("Move 2, White A2", Announced(review));
    }

    [Fact]
    public void The_graph_jumps_back_from_a_variation_to_the_game_line()
    {
        double[] leads = [0, 0.5, 0.2, 0.4, 0.1, 0.3, 0, -10, -4];
        var review = Render(KoRecord(), leads);
        review.Find("[data-action=first]").Click();
        review.ClickPoint("D4");
        Assert.Empty(review.FindAll("[data-graph-current]"));

        review.Find("[data-graph-move='5']").Click();

        Assert.Empty(review.FindAll("[data-review-variation]"));
        Assert.Equal("Move 5, Black C3", Position(review));
    }

    [Fact]
    public void While_the_engine_works_the_graph_says_so()
    {
        var review = Render(KoRecord(), pending: true);

        Assert.Contains("The engine is reviewing this game", review.Find("[data-score-pending]").TextContent);
        Assert.Equal("status", review.Find("[data-score-pending]").GetAttribute("role"));
        Assert.Empty(review.FindAll("svg.score-graph-svg"));

        review.Render(p => p.Add(b => b.Leads, [0, 1, 2, 3, 4, 5, 6, 7, 8]).Add(b => b.LeadsPending, false));

        Assert.Empty(review.FindAll("[data-score-pending]"));
        Assert.Single(review.FindAll("svg.score-graph-svg"));
    }
}
