using Bunit;
using Igo.Domain;
using Igo.Tests.Domain;
using Igo.Web.Components.Pages;
using Igo.Web.Games;
using Microsoft.AspNetCore.Components;
using static Igo.Tests.Components.BoardEvents;
using Color = Igo.Domain.Color;

namespace Igo.Tests.Components;

/// <summary>
/// The scoring phase on the game page: one shared board where a click toggles a group dead or alive, a panel with the
/// live count and the acceptance, the opponent's per-chain proposal answered beside the board (no dialog), and the
/// final board keeping its dead stones and the count.
/// </summary>
[Trait("Category", "Components")]
public sealed class ScoringPageTests : GamePageTestBase
{
    private const string Key = "BlackKey01";
    private FakeGameSeat? opened;

    // Black owns the left, white the right; two white stones sit dead in black's area (B7, C5), one black stone in white's (G4).
    private static readonly string[] Position =
    [
        ". O . X O . .",
        ". . . X O . .",
        ". . O X O . .",
        ". . . X O . X",
        ". . . X O . .",
        ". . . X O . .",
        ". . . X O . .",
    ];

    private static Game InScoring()
    {
        var game = Game.Create(7, Ruleset.Japanese(0.5));
        game.SetUp(Color.Black, Position);
        game.BothPass();
        return game;
    }

    private (FakeGameSeat Seat, IRenderedComponent<IComponent> Providers, IRenderedComponent<GamePage> Page) Open(Game game)
    {
        var seat = opened = new FakeGameSeat(Key, Color.Black, Snapshots.Of(game.View()));
        var (providers, page) = OpenGame(Key, SeatOutcome.Held(seat));
        page.WaitForAssertion(() => page.Find("[data-scoring-panel]"));
        return (seat, providers, page);
    }

    [Fact]
    public void The_panel_shows_the_live_count_and_accepts_the_version_shown()
    {
        var game = InScoring();
        game.MustDo(ActionType.MarkGroupDead, Color.White, new Point(0, 1));
        var (seat, _, page) = Open(game);

        // B7 and C5 off: black's whole left side is territory, with 2 captures.
        Assert.Equal("Black 23 (21 territory + 2 captures)", page.Find("[data-total=black]").TextContent.Trim());
        Assert.StartsWith("White ", page.Find("[data-total=white]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("0.5 komi", page.Find("[data-total=white]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Black leads by", page.Find("[data-margin]").TextContent, StringComparison.Ordinal);

        page.Find("[data-action=accept-count]").Click();

        Assert.Equal([1], seat.CountAcceptances);
    }

    [Fact]
    public void Clicking_a_stone_toggles_its_group_and_the_board_shows_the_marking()
    {
        var game = InScoring();
        game.MustDo(ActionType.MarkGroupDead, Color.White, new Point(0, 1));
        var (seat, _, page) = Open(game);

        page.ClickPoint("B7");
        page.ClickPoint("G4");

        Assert.Equal([(ActionType.MarkGroupAlive, (Point?)new Point(0, 1)), (ActionType.MarkGroupDead, (Point?)new Point(3, 6))], seat.Actions);
        Assert.Contains("dead", page.Find(Cell("B7")).GetAttribute("class"), StringComparison.Ordinal);
        Assert.Contains("territory black", page.Find(Cell("B7")).InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("territory", page.Find(Cell("F4")).InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_acceptance_state_follows_the_game_and_a_change_is_announced()
    {
        var game = InScoring();
        var (_, _, page) = Open(game);
        Assert.False(page.Find("[data-action=accept-count]").HasAttribute("disabled"));

        game.MustDo(ActionType.RequestTally, Color.White);
        await Push(page, game);
        page.WaitForAssertion(() => Assert.Contains("White accepted this count — waiting for you", page.Find("[data-acceptance]").TextContent, StringComparison.Ordinal));
        Assert.Equal("White accepted the count. White leads by 0.5.", page.Find("[data-live-region]").TextContent);

        game.MustDo(ActionType.MarkGroupDead, Color.White, new Point(0, 1));
        await Push(page, game);
        page.WaitForAssertion(() => Assert.Contains("The marking changed: 2 stones marked dead", page.Find("[data-live-region]").TextContent, StringComparison.Ordinal));
        Assert.Contains("White's acceptance is withdrawn", page.Find("[data-live-region]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("White accepted", page.Find("[data-acceptance]").TextContent, StringComparison.Ordinal);

        game.MustDo(ActionType.RequestTally, Color.Black);
        await Push(page, game);
        page.WaitForAssertion(() => Assert.True(page.Find("[data-action=accept-count]").HasAttribute("disabled")));
        Assert.Contains("You accepted this count. Waiting for White", page.Find("[data-acceptance]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_igo_frontend_opponents_proposal_is_answered_beside_the_board_without_a_dialog()
    {
        var game = InScoring();
        var (seat, providers, page) = Open(game);

        game.MustDo(ActionType.MarkDead, Color.White, new Point(3, 6));
        await Push(page, game);
        page.WaitForAssertion(() => page.Find("[data-proposal]"));

        Assert.Contains("White asks to mark 1 black stone as dead", page.Find("[data-proposal]").TextContent, StringComparison.Ordinal);
        Assert.Empty(providers.FindAll(".mud-dialog"));
        page.Find("[data-proposal] [data-answer=accept]").Click();
        Assert.Equal([(ActionType.Accept, (Point?)null)], seat.Actions);
    }

    [Fact]
    public async Task The_final_board_keeps_the_dead_stones_and_the_result_gives_the_count()
    {
        var game = InScoring();
        var (_, _, page) = Open(game);
        game.MustDo(ActionType.MarkGroupDead, Color.White, new Point(0, 1));
        game.MustDo(ActionType.MarkGroupDead, Color.White, new Point(3, 6));
        game.MustDo(ActionType.RequestTally, Color.White);
        game.MustDo(ActionType.Accept, Color.Black);

        await Push(page, game);

        page.WaitForAssertion(() => page.Find("[data-result]"));
        Assert.Empty(page.FindAll("[data-scoring-panel]"));
        Assert.Contains("dead", page.Find(Cell("G4")).GetAttribute("class"), StringComparison.Ordinal);
        Assert.Contains("territory white", page.Find(Cell("G4")).InnerHtml, StringComparison.Ordinal);
        var count = game.View().Scoring!.Count;
        Assert.Contains(
            $"Black {count.Score.Black} (21 territory + 2 captures) · White {GameNarrativeNumber(count.Score.White)} (",
            page.Find("[data-result]").TextContent,
            StringComparison.Ordinal);
        Assert.Contains("wins by", page.Find("[data-result]").TextContent, StringComparison.Ordinal);
    }

    private static string GameNarrativeNumber(double value) => Igo.Web.Components.Play.GameNarrative.Number(value);

    private Task Push(IRenderedComponent<GamePage> page, Game game) =>
        page.InvokeAsync(() => opened!.PushAsync(Snapshots.Of(game.View())));
}
