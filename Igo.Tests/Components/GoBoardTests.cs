using Bunit;
using Igo.Domain;
using Igo.Web.Components.Play;
using static Igo.Tests.Components.BoardEvents;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class GoBoardTests : ComponentTestBase
{
    private readonly List<Point> chosen = [];

    private IRenderedComponent<GoBoard> RenderBoard(GameView view, BoardMode mode = BoardMode.Place, bool confirmTaps = false) =>
        Context.Render<GoBoard>(p => p
            .Add(b => b.View, view)
            .Add(b => b.Mode, mode)
            .Add(b => b.ConfirmTaps, confirmTaps)
            .Add(b => b.OnPointChosen, point => chosen.Add(point)));

    [Fact]
    public void Stones_and_the_last_move_marker_are_drawn_from_the_view()
    {
        var view = TestViews.Picture(
        [
            ".........",
            ".........",
            "..X......",
            ".........",
            "....O....",
            ".........",
            ".........",
            ".........",
            ".........",
        ], lastMove: new Point(4, 4), turn: Color.Black);

        var board = RenderBoard(view);

        Assert.Single(board.FindAll(".stone.black"));
        Assert.Single(board.FindAll(".stone.white"));
        Assert.NotNull(board.Find($"{Cell("C7")} .stone.black"));
        Assert.NotNull(board.Find($"{Cell("E5")} .last-move.on-white"));
        Assert.Single(board.FindAll(".last-move"));
    }

    [Fact]
    public void Every_point_is_a_labelled_grid_cell_with_coordinates_from_the_bottom()
    {
        var view = TestViews.Empty(19);
        view = TestViews.Place(view, new Point(3, 15), Color.Black);

        var board = RenderBoard(view);

        Assert.Equal(361, board.FindAll("[role=gridcell]").Count);
        Assert.Equal("D4, empty", board.Find(Cell("D4")).GetAttribute("aria-label"));
        Assert.Equal("Q16, black stone, last move", board.Find(Cell("Q16")).GetAttribute("aria-label"));
        Assert.Equal("T19, empty", board.Find(Cell("T19")).GetAttribute("aria-label"));
        var columns = board.FindAll(".labels text").Select(t => t.TextContent).Distinct().ToList();
        Assert.DoesNotContain("I", columns);
        Assert.Contains("J", columns);
        Assert.Contains("19", columns);
    }

    [Theory]
    [InlineData(9, 5)]
    [InlineData(13, 5)]
    [InlineData(19, 9)]
    public void Star_points_match_the_board_size(int size, int expected)
    {
        var board = RenderBoard(TestViews.Empty(size));

        Assert.Equal(expected, board.FindAll(".star").Count);
    }

    [Fact]
    public void Marked_dead_stones_and_counted_territory_are_shown_and_announced()
    {
        var view = TestViews.Picture(
        [
            "bbX.O",
            "bXO.w",
            "XXOww",
            "-XoOO",
            "XXOOw",
        ], status: GameStatus.Complete, result: new GameResult(ResultType.StandardWin, Color.White));

        var board = RenderBoard(view, BoardMode.Watch);

        Assert.Equal(3, board.FindAll(".territory.black").Count);
        Assert.Equal(4, board.FindAll(".territory.white").Count);
        Assert.NotNull(board.Find($"{Cell("C2")} .dead-mark"));
        Assert.Equal("C2, white stone, marked dead", board.Find(Cell("C2")).GetAttribute("aria-label"));
        Assert.Equal("A5, empty, black territory", board.Find(Cell("A5")).GetAttribute("aria-label"));
        Assert.Equal("A2, empty", board.Find(Cell("A2")).GetAttribute("aria-label"));
    }

    [Fact]
    public void Clicking_a_legal_empty_point_chooses_it()
    {
        var board = RenderBoard(TestViews.Empty(9));

        board.ClickPoint("D4");

        Assert.Equal([new Point(5, 3)], chosen);
    }

    [Fact]
    public void Clicking_an_illegal_or_occupied_point_plays_nothing_and_says_why()
    {
        var refused = new List<ActionRefusal>();
        var view = PlayedViews.After(9, PlayedViews.KoAtE5);
        var board = Context.Render<GoBoard>(p => p
            .Add(b => b.View, view)
            .Add(b => b.Mode, BoardMode.Place)
            .Add(b => b.OnPointChosen, point => chosen.Add(point))
            .Add(b => b.OnPointRefused, refusal => refused.Add(refusal)));

        board.ClickPoint("A1");
        board.ClickPoint("D5");
        board.ClickPoint("E5");

        Assert.Empty(chosen);
        Assert.Equal(
            [new ActionRefusal.Suicide(At("A1")), new ActionRefusal.Occupied(At("D5")), new ActionRefusal.Ko(At("E5"), KoRule.Simple)],
            refused);
        Assert.Equal("false", board.Find(Cell("A1")).GetAttribute("aria-disabled"));
    }

    [Fact]
    public void The_ko_point_is_marked_and_described_until_it_may_be_retaken()
    {
        var game = PlayedViews.Play(9, PlayedViews.KoAtE5);
        var board = RenderBoard(game.View());

        Assert.Single(board.FindAll(".ko-mark"));
        Assert.NotNull(board.Find($"{Cell("E5")} .ko-mark"));
        Assert.Equal("E5, empty, ko, can't be retaken at once", board.Find(Cell("E5")).GetAttribute("aria-label"));

        board.Render(p => p.Add(b => b.View, PlayedViews.Then(game, ActionType.PlaceStone, Color.Black, At("H2"))));

        Assert.Empty(board.FindAll(".ko-mark"));
        Assert.Equal("E5, empty", board.Find(Cell("E5")).GetAttribute("aria-label"));
    }

    [Fact]
    public void After_an_accepted_undo_the_last_move_marker_is_on_the_new_last_move()
    {
        var game = PlayedViews.Play(9, "C3 D4");
        PlayedViews.Then(game, ActionType.RequestUndo, Color.White);
        var board = RenderBoard(game.View(), BoardMode.Watch);
        Assert.NotNull(board.Find($"{Cell("D4")} .last-move"));

        board.Render(p => p.Add(b => b.View, PlayedViews.Then(game, ActionType.Accept, Color.Black)));

        Assert.Single(board.FindAll(".last-move"));
        Assert.NotNull(board.Find($"{Cell("C3")} .last-move"));
        Assert.Equal("C3, black stone, last move", board.Find(Cell("C3")).GetAttribute("aria-label"));
    }

    private static Point At(string label) => Point.FromLabel(label, 9)!.Value;

    [Fact]
    public void A_preview_stone_of_the_player_to_move_exists_only_on_legal_points()
    {
        var view = TestViews.Picture(
        [
            ".O...",
            "O....",
            ".....",
            ".....",
            "....X",
        ], turn: Color.White, illegal: [new Point(0, 0)]);

        var board = RenderBoard(view);

        // The preview's colour is the board's, so that no point changes when the turn does.
        Assert.NotNull(board.Find(".igo-board.mode-place.preview-white"));
        Assert.Equal(25 - 3 - 1, board.FindAll(".pt.open .preview").Count);
        Assert.Equal(25 - 3 - 1, board.FindAll(".preview").Count);
        Assert.Empty(board.FindAll($"{Cell("A5")} .preview"));
        Assert.Empty(board.FindAll($"{Cell("B5")} .preview"));
    }

    [Fact]
    public void Nothing_is_chosen_while_the_board_is_only_watched()
    {
        var board = RenderBoard(TestViews.Empty(9), BoardMode.Watch);

        board.ClickPoint("E5");
        board.PressOnPoint("E5", "Enter");

        Assert.Empty(chosen);

        // Previews show only on a board in place mode (GoBoard.razor.css): this one offers no stone anywhere.
        Assert.Empty(board.FindAll(".igo-board.mode-place"));
        Assert.NotNull(board.Find(".igo-board.mode-watch"));
        Assert.Equal("true", board.Find("[role=grid]").GetAttribute("aria-readonly"));
    }

    [Fact]
    public void In_the_endgame_clicking_a_stone_chooses_its_chain_and_empty_points_do_nothing()
    {
        var view = TestViews.Picture(
        [
            ".....",
            ".OO..",
            ".....",
            "..X..",
            ".....",
        ], status: GameStatus.Endgame);

        var board = RenderBoard(view, BoardMode.MarkDead);
        board.ClickPoint("C4");
        board.ClickPoint("A1");
        board.ClickPoint("C2");

        Assert.Equal([new Point(1, 2), new Point(3, 2)], chosen);
        Assert.Equal(3, board.FindAll(".pt.selectable").Count);
    }

    [Fact]
    public void In_confirm_mode_the_first_tap_previews_and_the_second_tap_plays()
    {
        var board = RenderBoard(TestViews.Empty(9), confirmTaps: true);

        board.ClickPoint("C3");
        Assert.Empty(chosen);
        Assert.NotNull(board.Find($"{Cell("C3")}.awaiting-confirm"));

        board.ClickPoint("D3");
        Assert.Empty(chosen);
        Assert.Empty(board.FindAll($"{Cell("C3")}.awaiting-confirm"));

        board.ClickPoint("D3");
        Assert.Equal([new Point(6, 3)], chosen);
    }

    [Fact]
    public void Arrow_keys_move_the_single_tab_stop_and_Enter_plays_the_focused_point()
    {
        var board = RenderBoard(TestViews.Empty(9));
        Assert.Equal("E5", board.Find("[role=gridcell][tabindex='0']").GetAttribute("data-point"));

        board.PressOnPoint("E5", "ArrowLeft");
        board.PressOnPoint("D5", "ArrowDown");
        board.PressOnPoint("D4", "Home");

        Assert.Equal(["A4"], board.FindAll("[role=gridcell][tabindex='0']").Select(c => c.GetAttribute("data-point")));
        board.PressOnPoint("A4", " ");
        Assert.Equal([new Point(5, 0)], chosen);
    }

    [Fact]
    public void Arrow_keys_stop_at_the_edge_of_the_board()
    {
        var view = TestViews.Place(TestViews.Empty(9), new Point(0, 8), Color.Black);
        var board = RenderBoard(view);
        Assert.Equal("J9", board.Find("[role=gridcell][tabindex='0']").GetAttribute("data-point"));

        board.PressOnPoint("J9", "ArrowUp");
        board.PressOnPoint("J9", "ArrowRight");

        Assert.Equal("J9", board.Find("[role=gridcell][tabindex='0']").GetAttribute("data-point"));
    }

    [Fact]
    public void The_tab_stop_follows_the_last_move_until_the_player_moves_it()
    {
        var start = TestViews.Empty(9);
        var board = RenderBoard(start);

        var afterOne = TestViews.Place(start, new Point(2, 2), Color.Black);
        board.Render(p => p.Add(b => b.View, afterOne));
        Assert.Equal("C7", board.Find("[role=gridcell][tabindex='0']").GetAttribute("data-point"));

        board.PressOnPoint("C7", "ArrowDown");
        board.Render(p => p.Add(b => b.View, TestViews.Place(afterOne, new Point(7, 7), Color.White)));

        Assert.Equal("C6", board.Find("[role=gridcell][tabindex='0']").GetAttribute("data-point"));
    }

    [Fact]
    public void Stones_suggested_dead_carry_their_own_marker_and_say_so_to_screen_readers()
    {
        var view = TestViews.Picture(
        [
            ".X.O.",
            "XX.OO",
            "..O..",
            ".....",
            "..o..",
        ], status: GameStatus.Endgame);

        var board = Context.Render<GoBoard>(p => p
            .Add(b => b.View, view)
            .Add(b => b.Mode, BoardMode.MarkDead)
            .Add(b => b.SuggestedDead, new HashSet<Point> { new(2, 2), new(4, 2), new(3, 3) }));

        Assert.NotNull(board.Find($"{Cell("C3")} .suggested-dead"));
        Assert.Equal("C3, white stone, suggested dead by the engine", board.Find(Cell("C3")).GetAttribute("aria-label"));

        // A stone already proposed dead shows the proposal's cross instead; an empty point never gets a marker.
        Assert.Empty(board.FindAll($"{Cell("C1")} .suggested-dead"));
        Assert.Equal("C1, white stone, marked dead", board.Find(Cell("C1")).GetAttribute("aria-label"));
        Assert.Empty(board.FindAll($"{Cell("D2")} .suggested-dead"));
        Assert.Single(board.FindAll(".suggested-dead"));
        Assert.Equal("B5, black stone", board.Find(Cell("B5")).GetAttribute("aria-label"));
    }

    [Fact]
    public void The_grid_listens_once_for_every_point_and_no_point_has_a_handler_of_its_own()
    {
        var board = RenderBoard(TestViews.Empty(19));

        // bUnit writes each event handler Blazor holds as a "blazor:on…" attribute of its element.
        var withHandlers = board.FindAll("*").Where(e => e.Attributes.Any(a => a.Name.StartsWith("blazor:on", StringComparison.Ordinal))).ToList();
        var grid = Assert.Single(withHandlers);
        Assert.Equal("grid", grid.GetAttribute("role"));
        Assert.NotNull(grid.GetAttribute("blazor:onpointclick"));
        Assert.NotNull(grid.GetAttribute("blazor:onpointkeydown"));
        Assert.Equal(361, board.FindAll("[role=gridcell]").Count);
    }

    [Fact]
    public void A_delegated_event_that_names_no_point_of_this_board_does_nothing()
    {
        var board = RenderBoard(TestViews.Empty(9));
        var grid = board.Find("[role=grid]");

        grid.TriggerEvent("onpointclick", new BoardInputEventArgs { Point = null });
        grid.TriggerEvent("onpointclick", new BoardInputEventArgs { Point = "T19" });
        grid.TriggerEvent("onpointclick", new BoardInputEventArgs { Point = "not a point" });
        grid.TriggerEvent("onpointkeydown", new BoardInputEventArgs { Point = null, Key = "Enter" });
        grid.TriggerEvent("onpointkeydown", new BoardInputEventArgs { Point = "E5", Key = null });

        Assert.Empty(chosen);
        Assert.Equal("E5", board.Find("[role=gridcell][tabindex='0']").GetAttribute("data-point"));
    }

    [Fact]
    public void A_move_changes_the_look_of_the_points_it_touches_only_even_as_the_turn_passes()
    {
        var before = TestViews.Place(TestViews.Empty(19), new Point(3, 3), Color.Black);
        var after = TestViews.Place(before, new Point(15, 15), Color.White);
        var focused = new Point(9, 9);

        // Black watches while white moves, then places: the mode flips, every empty point stays as it was.
        var changed = Enumerable.Range(0, 19 * 19)
            .Select(i => new Point(i / 19, i % 19))
            .Where(p => PointLook.Of(before, p, BoardMode.Watch, null, focused, null) != PointLook.Of(after, p, BoardMode.Place, null, focused, null))
            .ToList();

        Assert.Equal([new Point(3, 3), new Point(15, 15)], changed);
    }

    [Fact]
    public void The_markup_of_a_point_is_built_once_and_shared_by_every_board()
    {
        var view = TestViews.Empty(19);
        var look = PointLook.Of(view, new Point(4, 4), BoardMode.Place, null, new Point(9, 9), null);
        var focusedLook = look with { Focused = true };

        Assert.Same(PointMarkup.For(19, new Point(4, 4), look).Value, PointMarkup.For(19, new Point(4, 4), look).Value);
        Assert.Contains("data-point=\"E15\"", PointMarkup.For(19, new Point(4, 4), look).Value, StringComparison.Ordinal);

        // The tab stop is one point of one board: its markup is built for it, and says so.
        Assert.Contains("tabindex=\"0\"", PointMarkup.For(19, new Point(4, 4), focusedLook).Value, StringComparison.Ordinal);
        Assert.Contains("tabindex=\"-1\"", PointMarkup.For(19, new Point(4, 4), look).Value, StringComparison.Ordinal);
    }
}
