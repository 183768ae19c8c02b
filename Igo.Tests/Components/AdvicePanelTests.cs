using Bunit;
using Igo.Computer;
using Igo.Domain;
using Igo.Web.Components.Play;
using Microsoft.Extensions.DependencyInjection;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class AdvicePanelTests : ComponentTestBase
{
    private readonly FakePositionAdvisor advisor = new();
    private readonly List<Point> proposed = [];
    private PositionAdvice? advice;

    public AdvicePanelTests() => Context.Services.AddSingleton<IPositionAdvisor>(advisor);

    /// <summary>Black holds the left, white the right; a white stone at B4 in black's area, a black one at H2 in white's.</summary>
    private static GameView Endgame(GameStatus status = GameStatus.Endgame, int moveNumber = 60) => TestViews.Picture(
    [
        "...XO....",
        "...XO....",
        "...XO....",
        "...XO....",
        "...XO....",
        ".O.XO....",
        "...XO....",
        "...XO..X.",
        "...XO....",
    ], status: status, moveNumber: moveNumber);

    private IRenderedComponent<AdvicePanel> RenderPanel(GameView view, bool canMarkDead = true) =>
        Context.Render<AdvicePanel>(p => p
            .Add(c => c.View, view)
            .Add(c => c.Advice, advice)
            .Add(c => c.AdviceChanged, next => advice = next)
            .Add(c => c.CanMarkDead, canMarkDead)
            .Add(c => c.OnMarkChain, point => proposed.Add(point)));

    [Fact]
    public void Suggesting_dead_stones_asks_the_advisor_about_this_position_and_shows_its_chains_and_estimate()
    {
        var view = Endgame();
        advisor.Judgement = new PositionJudgement([new(5, 1), new(7, 7)], -6.4, "GNU Go");
        var panel = RenderPanel(view);

        panel.Find("[data-action=suggest-dead]").Click();
        panel.WaitForAssertion(() => Assert.NotNull(advice));
        panel.Render(p => p.Add(c => c.Advice, advice));

        var (call, asked) = Assert.Single(advisor.Asked);
        Assert.Equal("judge", call);
        Assert.Same(view, asked);
        Assert.Contains("White leads by about 6.5", panel.Find("[data-estimate]").TextContent, StringComparison.Ordinal);
        Assert.Contains("GNU Go", panel.Find("[data-estimate]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["1 white stone at B4", "1 black stone at H2"], panel.FindAll("[data-chain]").Select(li => li.TextContent.Trim()).ToList());
    }

    [Fact]
    public void Proposing_a_suggestion_marks_one_chain_through_the_page_and_removed_chains_drop_out()
    {
        var view = Endgame();
        advice = PositionAdvice.ForEndgame(view, new PositionJudgement([new(5, 1), new(7, 7)], -6.5, "GNU Go"));
        var panel = RenderPanel(view);

        panel.Find("[data-action=propose-suggested]").Click();
        Assert.Equal([new Point(5, 1)], proposed);

        // The opponent accepted: the white stone is gone (same move number), the black one is proposed next.
        var points = view.Points.ToArray();
        points[(5 * 9) + 1] = PointState.Empty;
        var after = view with { Points = points, Version = view.Version + 2 };
        panel.Render(p => p.Add(c => c.View, after));

        Assert.Contains("chain at H2", panel.Find("[data-action=propose-suggested]").TextContent, StringComparison.Ordinal);
        Assert.Single(panel.FindAll("[data-chain]"));
    }

    [Fact]
    public void Proposing_waits_while_a_request_is_pending_and_a_played_move_retires_the_advice()
    {
        var view = Endgame();
        advice = PositionAdvice.ForEndgame(view, new PositionJudgement([new(5, 1)], -6.5, "GNU Go"));
        var panel = RenderPanel(view, canMarkDead: false);

        Assert.True(panel.Find("[data-action=propose-suggested]").HasAttribute("disabled"));

        // A rejected mark sends the game back to play; once a move is played the advice no longer describes the game.
        var played = view with { Status = GameStatus.Play, MoveNumber = view.MoveNumber + 1, Version = view.Version + 3 };
        panel.Render(p => p.Add(c => c.View, played));

        Assert.Empty(panel.FindAll("[data-estimate]"));
        Assert.NotNull(panel.Find("[data-action=estimate]"));
    }

    [Fact]
    public void In_play_it_offers_a_score_estimate_only()
    {
        var view = TestViews.Empty(9);
        advisor.Judgement = new PositionJudgement([new(4, 4)], 12.2, "Built-in Monte-Carlo playouts");
        var panel = RenderPanel(view);

        panel.Find("[data-action=estimate]").Click();
        panel.WaitForAssertion(() => Assert.NotNull(advice));
        panel.Render(p => p.Add(c => c.Advice, advice));

        Assert.Equal("estimate", Assert.Single(advisor.Asked).Call);
        Assert.Contains("Black leads by about 12", panel.Find("[data-estimate]").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-chain]"));
        Assert.Empty(panel.FindAll("[data-action=propose-suggested]"));
    }

    [Fact]
    public async Task Closing_the_page_while_the_engine_thinks_cancels_its_work()
    {
        advisor.Hold = true;
        var panel = RenderPanel(Endgame());

        panel.Find("[data-action=suggest-dead]").Click();
        var token = await advisor.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);
        Assert.NotNull(panel.Find("[role=status]"));
        Assert.False(token.IsCancellationRequested);

        await Context.DisposeComponentsAsync();

        Assert.True(token.IsCancellationRequested);
        Assert.Null(advice);
    }

    [Fact]
    public async Task Cancel_stops_the_engine_and_offers_the_question_again()
    {
        advisor.Hold = true;
        var panel = RenderPanel(Endgame());
        panel.Find("[data-action=suggest-dead]").Click();
        var token = await advisor.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);

        panel.Find("[data-action=cancel-advice]").Click();

        Assert.True(token.IsCancellationRequested);
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-action=suggest-dead]")));
        Assert.Empty(panel.FindAll("[data-advice-error]"));
    }
}
