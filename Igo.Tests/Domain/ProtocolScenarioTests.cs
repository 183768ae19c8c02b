using Igo.Domain;
using Igo.Tests.Games;
using static Igo.Domain.ActionType;
using static Igo.Domain.Color;

namespace Igo.Tests.Domain;

/// <summary>
/// docs/PROTOCOL.md §11 items 1 to 18: the rule scenarios of the original server, with the rules' typed answers (their words,
/// the original's exact strings, are Compat/RuleTextsTests').
/// </summary>
[Trait("Category", "Domain")]
public sealed class ProtocolScenarioTests
{
    private static Game NewGame(int size, double komi = 6.5) => Game.Create(size, Ruleset.Japanese(komi));

    [Fact]
    public void S01_points_read_as_stone_mark_and_territory_states()
    {
        var game = NewGame(3);
        Assert.Equal(PointState.Empty, game.View()[new Point(0, 1)]);

        game.Place(Black, 0, 1);
        var view = game.View();

        Assert.Equal(3, view.Size);
        Assert.Equal(9, view.Points.Count);
        Assert.Equal(new PointState(Stone.Black, false, false, Stone.Empty), view[new Point(0, 1)]);
        Assert.Equal(view.Points[1], view[new Point(0, 1)]);

        game.Place(White, 2, 2);
        game.BothPass();
        game.MustDo(MarkDead, White, new Point(2, 2));
        Assert.Equal(new PointState(Stone.White, true, false, Stone.Empty), game.View()[new Point(2, 2)]);

        game.MustDo(Accept, Black);
        game.MustDo(RequestTally, Black);
        game.MustDo(Accept, White);
        Assert.Equal(new PointState(Stone.Empty, false, true, Stone.Black), game.View()[new Point(2, 2)]);
    }

    [Fact]
    public void S01_games_with_the_same_size_rules_and_actions_are_the_same_game()
    {
        var game = NewGame(5);
        game.Stones((0, 0), (1, 1), (2, 2));
        game.MustDo(RequestDraw, White);
        game.MustDo(Reject, Black);

        var replayed = Game.Replay(5, Ruleset.Japanese(), game.Actions);

        Assert.Equal(game.Actions, replayed.Actions);
        Assert.Equal(game.View().Points, replayed.View().Points);
        GameViews.AssertSame(game.View(), replayed.View());
    }

    [Fact]
    public void S02_placement_needs_a_point_and_play_status()
    {
        var game = NewGame(3);

        var noPoint = game.Do(PlaceStone, Black);
        Assert.False(noPoint.Accepted);
        Assert.Equal(Rejection.NotPermitted, noPoint.Rejection);
        Assert.Equal(new ActionRefusal.PointMissing(PlaceStone), noPoint);

        var placed = game.Place(Black, 0, 0);
        Assert.True(placed.Accepted);
        Assert.Equal(new ActionOutcome.StonePlaced(Black, new Point(0, 0)), placed);

        game.BothPass();
        var inEndgame = game.Place(White, 1, 1);
        Assert.Equal(Rejection.NotPermitted, inEndgame.Rejection);
        Assert.Equal(new ActionRefusal.WrongStatus(PlaceStone, GameStatus.Endgame), inEndgame);
        Assert.Equal(3, game.Version);
    }

    [Fact]
    public void S03_only_the_player_to_move_may_place()
    {
        var game = NewGame(3);

        Assert.Equal(new ActionRefusal.NotYourTurn(White), game.Place(White, 0, 0));
        game.Place(Black, 0, 0);
        Assert.Equal(new ActionRefusal.NotYourTurn(Black), game.Place(Black, 1, 1));
    }

    [Fact]
    public void S04_an_occupied_point_is_refused()
    {
        var game = NewGame(3);
        game.Place(Black, 0, 0);

        Assert.Equal(new ActionRefusal.Occupied(new Point(0, 0)), game.Place(White, 0, 0));
    }

    [Fact]
    public void S05_suicide_is_refused()
    {
        var game = NewGame(3);
        game.Stones((1, 0), (0, 0), (1, 1), (0, 1), (1, 2));

        var outcome = game.Place(White, 0, 2);

        Assert.Equal(new ActionRefusal.Suicide(new Point(0, 2)), outcome);
        Assert.Equal(White, game.Turn);
        Assert.Equal(Stone.Empty, game.View()[new Point(0, 2)].Stone);
    }

    [Fact]
    public void S06_an_immediate_ko_retake_is_refused()
    {
        var game = NewGame(4);
        game.Stones((1, 0), (2, 0), (0, 1), (3, 1), (1, 2), (2, 2), (2, 1));

        Assert.True(game.Place(White, 1, 1).Accepted);
        Assert.Equal(1, game.Prisoners.White);
        var before = game.View();

        Assert.Equal(new ActionRefusal.Ko(new Point(2, 1), KoRule.Simple), game.Place(Black, 2, 1));
        Assert.Same(before, game.View());
    }

    [Fact]
    public void S07_one_placement_captures_a_five_stone_chain()
    {
        var game = NewGame(5);

        game.Stones((0, 0), (1, 0), (0, 1), (1, 1), (0, 2), (2, 2), (1, 2), (1, 3), (0, 3), (0, 4));

        Assert.Equal(new PerColor<int>(0, 5), game.Prisoners);
        Assert.Equal(10, game.Version);
    }

    [Fact]
    public void S08_two_passes_in_a_row_start_the_endgame()
    {
        var game = NewGame(9);

        Assert.Equal(new ActionOutcome.Passed(Black), game.Do(Pass, Black));
        Assert.Equal((White, GameStatus.Play), (game.Turn, game.Status));
        Assert.Equal(new ActionOutcome.Passed(White), game.Do(Pass, White));
        Assert.Equal((Black, GameStatus.Endgame), (game.Turn, game.Status));

        Assert.Equal(Rejection.NotPermitted, game.Do(Pass, Black).Rejection);
    }

    [Fact]
    public void S08_a_pass_needs_the_turn()
    {
        var game = NewGame(9);

        Assert.Equal(new ActionRefusal.NotYourTurn(White), game.Do(Pass, White));
    }

    [Fact]
    public void S09_resignation_ends_the_game_at_any_turn_during_play()
    {
        var black = NewGame(9);
        Assert.Equal(new ActionOutcome.Resigned(Black), black.Do(Resign, Black));
        Assert.Equal(GameStatus.Complete, black.Status);
        Assert.Equal(new GameResult(ResultType.Resignation, White), black.View().Result);

        var white = NewGame(9);
        Assert.Equal(new ActionOutcome.Resigned(White), white.Do(Resign, White));
        Assert.Equal(new GameResult(ResultType.Resignation, Black), white.Result);

        var endgame = NewGame(9);
        endgame.BothPass();
        Assert.Equal(Rejection.NotPermitted, endgame.Do(Resign, Black).Rejection);
    }

    [Fact]
    public void S10_marking_dead_marks_the_whole_chain_and_waits_for_an_answer()
    {
        var game = NewGame(3);
        game.SetUp(Black,
            "O O .",
            "O O .",
            ". . .");
        Assert.Equal(Rejection.NotPermitted, game.Do(MarkDead, White, new Point(0, 0)).Rejection); // not the endgame yet
        game.BothPass();
        Assert.Equal(Rejection.NotPermitted, game.Do(MarkDead, White).Rejection); // no point

        Assert.Equal(new ActionRefusal.NoChain(new Point(2, 2)), game.Do(MarkDead, White, new Point(2, 2)));
        Assert.Equal(new ActionOutcome.Requested(RequestType.MarkDead, White, new MarkedChain(White, 4)), game.Do(MarkDead, White, new Point(0, 0)));

        var view = game.View();
        Assert.Equal(4, view.Points.Count(p => p.MarkedDead));
        Assert.All(new[] { new Point(0, 0), new Point(0, 1), new Point(1, 0), new Point(1, 1) }, p => Assert.True(view[p].MarkedDead));
        Assert.Equal(GameStatus.RequestPending, view.Status);
        Assert.Equal(new PendingRequest(RequestType.MarkDead, White), view.PendingRequest);

        var again = game.Do(MarkDead, White, new Point(0, 0));
        Assert.Equal(new ActionRefusal.RequestPending(RequestType.MarkDead), again);
        Assert.Equal(Rejection.RuleViolation, again.Rejection);
    }

    [Fact]
    public void S11_a_draw_request_needs_the_turn_play_and_no_pending_request()
    {
        var game = NewGame(9);

        Assert.Equal(new ActionOutcome.Requested(RequestType.Draw, Black), game.Do(RequestDraw, Black));
        Assert.Equal(GameStatus.RequestPending, game.Status);
        Assert.Equal(new PendingRequest(RequestType.Draw, Black), game.PendingRequest);
        Assert.Equal(new ActionRefusal.RequestPending(RequestType.Draw), game.Do(RequestDraw, Black));
        Assert.Equal(new ActionRefusal.NotYourTurn(White), game.Do(RequestDraw, White));

        var endgame = NewGame(9);
        endgame.BothPass();
        Assert.Equal(Rejection.NotPermitted, endgame.Do(RequestDraw, Black).Rejection);
    }

    [Fact]
    public void S12_a_tally_request_needs_the_endgame_and_no_pending_request()
    {
        var game = NewGame(9);
        Assert.Equal(Rejection.NotPermitted, game.Do(RequestTally, White).Rejection);

        game.BothPass();
        Assert.Equal(new ActionOutcome.Requested(RequestType.TallyScore, White), game.Do(RequestTally, White));
        Assert.Equal(new ActionRefusal.RequestPending(RequestType.TallyScore), game.Do(RequestTally, White));
        Assert.Equal(new ActionRefusal.RequestPending(RequestType.TallyScore), game.Do(RequestTally, Black));
    }

    [Fact]
    public void S13_only_the_opponent_answers_and_only_a_pending_request()
    {
        var game = NewGame(9);
        Assert.Equal(Rejection.NotPermitted, game.Do(Accept, White).Rejection);
        Assert.Equal(Rejection.NotPermitted, game.Do(Reject, Black).Rejection);

        game.MustDo(RequestDraw, Black);
        Assert.Equal(Rejection.NotPermitted, game.Do(Accept, Black).Rejection);
        Assert.Equal(Rejection.NotPermitted, game.Do(Reject, Black).Rejection);
        Assert.Equal(GameStatus.RequestPending, game.Status);

        game.MustDo(Reject, White);
        Assert.Null(game.View().PendingRequest);
        Assert.Equal(GameStatus.Play, game.Status);
    }

    [Fact]
    public void S14_rejected_marking_returns_to_play_and_accepted_marking_removes_the_stones()
    {
        var game = NewGame(3);
        game.MustDo(Pass, Black);
        game.Place(White, 0, 1);
        game.MustDo(Pass, Black);
        game.Place(White, 1, 1);
        game.BothPass();

        game.MustDo(MarkDead, White, new Point(1, 1));
        Assert.Equal(
            new ActionOutcome.Answered(RequestType.MarkDead, Black, Agreed: false, new MarkedChain(White, 2)),
            game.Do(Reject, Black));
        Assert.Equal(GameStatus.Play, game.Status);
        Assert.All(game.View().Points, p => Assert.False(p.MarkedDead));

        game.BothPass();
        game.MustDo(MarkDead, White, new Point(1, 1));
        Assert.Equal(new ActionOutcome.Answered(RequestType.MarkDead, Black, Agreed: true, new MarkedChain(White, 2)), game.Do(Accept, Black));

        var view = game.View();
        Assert.Equal(GameStatus.Endgame, view.Status);
        Assert.Equal(new PerColor<int>(2, 0), view.Prisoners);
        Assert.All(view.Points, p => Assert.Equal(PointState.Empty, p));
    }

    [Fact]
    public void S15_draw_reject_resumes_play_and_accept_ends_in_a_draw()
    {
        var game = NewGame(9);
        game.MustDo(RequestDraw, Black);

        Assert.Equal(new ActionOutcome.Answered(RequestType.Draw, White, Agreed: false), game.Do(Reject, White));
        Assert.Equal((GameStatus.Play, Black), (game.Status, game.Turn));

        game.MustDo(RequestDraw, Black);
        Assert.Equal(new ActionOutcome.Answered(RequestType.Draw, White, Agreed: true), game.Do(Accept, White));
        Assert.Equal(GameStatus.Complete, game.Status);
        Assert.Equal(new GameResult(ResultType.Draw, null), game.Result);
    }

    [Fact]
    public void S16_tally_reject_stays_in_the_endgame_and_accept_counts_territory()
    {
        var game = FiveByFiveWithTwoWalls(komi: 0);

        game.MustDo(RequestTally, White);
        Assert.Equal(new ActionOutcome.Answered(RequestType.TallyScore, Black, Agreed: false), game.Do(Reject, Black));
        Assert.Equal(GameStatus.Endgame, game.Status);

        game.MustDo(RequestTally, White);
        Assert.Equal(new ActionOutcome.Answered(RequestType.TallyScore, Black, Agreed: true), game.Do(Accept, Black));
        var view = game.View();
        Assert.Equal(GameStatus.Complete, view.Status);
        Assert.Equal(new PerColor<int>(5, 5), view.Territory);
        Assert.Equal(new GameResult(ResultType.Draw, null), view.Result);
        Assert.Equal(new PerColor<double>(5, 5), view.Score);
        Assert.Equal(Stone.White, view[new Point(0, 0)].CountsFor);
        Assert.Equal(Stone.Black, view[new Point(4, 4)].CountsFor);
        Assert.Equal(new PointState(Stone.Empty, false, true, Stone.Empty), view[new Point(2, 2)]);
    }

    [Fact]
    public void S16_komi_decides_an_even_board_for_white()
    {
        var game = FiveByFiveWithTwoWalls(komi: 6.5);

        game.MustDo(RequestTally, White);
        game.MustDo(Accept, Black);

        Assert.Equal(new GameResult(ResultType.StandardWin, White), game.Result);
        Assert.Equal(new PerColor<double>(5, 11.5), game.View().Score);
    }

    [Fact]
    public void S17_the_2x2_game_from_first_move_to_tally()
    {
        var game = NewGame(2);
        game.Stones((0, 0), (0, 1));

        var view = game.View();
        Assert.Equal(new Point(0, 1), view.LastMove);
        Assert.Equal(Black, view.Turn);
        Assert.Equal(6.5, view.Rules.Komi);
        Assert.Null(view.PendingRequest);
        Assert.Null(view.Result);
        Assert.Null(view.Score);
        Assert.Equal(new PerColor<int>(0, 0), view.Territory);

        game.BothPass();
        game.MustDo(RequestTally, White);
        view = game.View();
        Assert.Equal(GameStatus.RequestPending, view.Status);
        Assert.Equal(new PendingRequest(RequestType.TallyScore, White), view.PendingRequest);
        Assert.Null(view.LastMove);

        game.MustDo(Accept, Black);
        view = game.View();
        Assert.Equal(GameStatus.Complete, view.Status);
        Assert.Null(view.PendingRequest);
        Assert.Null(view.LastMove);
        Assert.Equal(new PointState(Stone.Empty, false, true, Stone.Empty), view[new Point(1, 0)]);
        Assert.Equal(new PointState(Stone.Empty, false, true, Stone.Empty), view[new Point(1, 1)]);
        Assert.Equal(new GameResult(ResultType.StandardWin, White), view.Result);
        Assert.Equal(new PerColor<int>(0, 0), view.Territory);
    }

    [Fact]
    public void S18_legal_moves_exclude_occupied_suicide_and_ko_points()
    {
        var game = NewGame(4);
        game.Stones((1, 0), (2, 0), (0, 1), (3, 1), (1, 2), (2, 2), (2, 1), (1, 1));
        // Black to move: (2, 1) is the ko, (3, 0) would be suicide, seven stones occupy their points.
        var legal = game.LegalMoves().ToHashSet();

        Assert.DoesNotContain(new Point(2, 1), legal);
        Assert.DoesNotContain(new Point(1, 1), legal);
        Assert.Contains(new Point(0, 0), legal);
        Assert.Equal(legal.Count, game.View().LegalForTurn.Count(l => l));
        Assert.False(game.View().IsLegalPlacement(new Point(2, 1)));
        Assert.False(game.IsLegalPlacement(new Point(2, 1), Black));
        Assert.DoesNotContain(new Point(3, 0), legal);
        Assert.False(game.IsLegalPlacement(new Point(3, 0), Black));
        Assert.Equal(16 - 7 - 2, legal.Count);
    }

    [Fact]
    public void S18_a_point_surrounded_by_opponent_stones_is_legal_only_when_it_captures()
    {
        var game = NewGame(3);
        game.Stones((0, 1), (2, 2), (1, 0));

        Assert.DoesNotContain(new Point(0, 0), game.LegalMoves()); // white: suicide
        Assert.False(game.View().LegalForTurn[0]);

        var capture = NewGame(3);
        capture.SetUp(White,
            ". X O",
            "X O .",
            "O . .");
        Assert.Contains(new Point(0, 0), capture.LegalMoves()); // surrounded by black, but it captures (0, 1) and (1, 0)
        Assert.True(capture.Place(White, 0, 0).Accepted);
        Assert.Equal(2, capture.Prisoners.White);
    }

    private static Game FiveByFiveWithTwoWalls(double komi)
    {
        var game = NewGame(5, komi);
        game.Stones((3, 0), (1, 0), (3, 1), (1, 1), (3, 2), (1, 2), (3, 3), (1, 3), (3, 4), (1, 4));
        game.BothPass();
        return game;
    }
}
