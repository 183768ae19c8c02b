using Igo.Domain;
using static Igo.Domain.ActionType;
using static Igo.Domain.Color;

namespace Igo.Tests.Domain;

/// <summary>The scoring phase's shared board: groups marked dead or alive by either player, a live count, and an end only on a marking both accepted.</summary>
[Trait("Category", "Domain")]
public sealed class ScoringPhaseTests
{
    /// <summary>Black owns the left, white the right; two white stones sit dead in black's area, one black stone in white's.</summary>
    internal static readonly string[] Position =
    [
        ". O . X O . .",
        ". . . X O . .",
        ". . O X O . .",
        ". . . X O . X",
        ". . . X O . .",
        ". . . X O . .",
        ". . . X O . .",
    ];

    private static Game InScoring(Ruleset? rules = null)
    {
        var game = Game.Create(7, rules ?? Ruleset.Japanese(0.5));
        game.SetUp(Black, Position);
        game.BothPass();
        return game;
    }

    private static ActionOutcome Accepting(Game game, ActionType type, Color player, int? seen) =>
        game.Apply(GameScript.Action(type, player) with { MarkingVersion = seen });

    [Fact]
    public void Play_ends_in_a_scoring_phase_with_nothing_marked_and_the_board_counted_as_it_stands()
    {
        var game = InScoring();

        var scoring = game.View().Scoring!;

        Assert.Equal(DeadMarking.None, scoring.Marking);
        Assert.Null(scoring.Accepted);
        // Each area holds a stone of the other colour, so neither counts yet.
        Assert.Equal(new PerColor<int>(0, 0), scoring.Count.Territory.Territory);
    }

    [Fact]
    public void A_click_on_one_dead_stone_marks_every_stone_of_its_colour_in_that_area_and_the_count_follows()
    {
        var game = InScoring();

        var outcome = game.MustDo(MarkGroupDead, Black, new Point(0, 1));

        Assert.Equal(new ActionOutcome.GroupMarked(Black, White, 2, Dead: true, Withdrawn: null), outcome);
        var view = game.View();
        Assert.Equal([new Point(0, 1), new Point(2, 2)], view.Scoring!.Marking.Dead.OrderBy(p => p.Row));
        Assert.Equal(1, view.Scoring.Marking.Version);
        Assert.True(view[new Point(0, 1)].MarkedDead);
        Assert.True(view[new Point(2, 2)].MarkedDead);
        Assert.Equal(Stone.White, view[new Point(0, 1)].Stone); // dead stones stay on the board, marked
        // Black: the 21 points left of the wall, both dead white stones' points included, plus 2 prisoners.
        Assert.Equal(21, view.Scoring.Count.Territory.Territory.Black);
        Assert.Equal(new PerColor<int>(2, 0), view.Scoring.Count.Prisoners);
        Assert.Equal(23, view.Scoring.Count.Score.Black);
    }

    [Fact]
    public void Marking_a_group_alive_again_restores_the_count_and_marking_twice_the_same_way_changes_nothing()
    {
        var game = InScoring();
        game.MustDo(MarkGroupDead, Black, new Point(0, 1));
        var before = game.View();

        Assert.Equal(new ActionRefusal.MarkingUnchanged(new Point(2, 2), true), game.Do(MarkGroupDead, White, new Point(2, 2)));
        Assert.Same(before, game.View());

        game.MustDo(MarkGroupAlive, White, new Point(2, 2));
        Assert.Empty(game.View().Scoring!.Marking.Dead);
        Assert.Equal(2, game.View().Scoring!.Marking.Version);
    }

    [Fact]
    public void Both_players_accepting_the_same_marking_end_the_game_on_its_count_with_the_dead_stones_still_shown()
    {
        var game = InScoring();
        game.MustDo(MarkGroupDead, White, new Point(0, 1));
        game.MustDo(MarkGroupDead, Black, new Point(3, 6));

        Assert.True(Accepting(game, RequestTally, Black, seen: 2).Accepted);
        Assert.Equal(Black, game.View().Scoring!.Accepted);
        Assert.True(Accepting(game, Accept, White, seen: 2).Accepted);

        var view = game.View();
        Assert.Equal(GameStatus.Complete, game.Status);
        Assert.Equal(Stone.Black, view[new Point(3, 6)].Stone);
        Assert.True(view[new Point(3, 6)].MarkedDead);
        Assert.Equal(view.Scoring!.Count, game.Tally);
        // Black 21 territory + 2 prisoners; white 14 territory + 1 prisoner + 0.5 komi.
        Assert.Equal(new PerColor<double>(23, 15.5), game.Tally!.Score);
        Assert.Equal(new GameResult(ResultType.StandardWin, Black), game.Result);
    }

    [Fact]
    public void A_change_after_an_acceptance_withdraws_it_and_a_stale_acceptance_does_not_end_the_game()
    {
        var game = InScoring();
        game.MustDo(MarkGroupDead, Black, new Point(0, 1));
        Assert.True(Accepting(game, RequestTally, Black, seen: 1).Accepted);

        var change = game.MustDo(MarkGroupDead, White, new Point(3, 6));

        Assert.Equal(Black, ((ActionOutcome.GroupMarked)change).Withdrawn);
        Assert.Equal(GameStatus.Endgame, game.Status);
        Assert.Null(game.View().Scoring!.Accepted);
        // White accepts what it saw before its own change reached black: refused, nothing ends.
        Assert.Equal(new ActionRefusal.StaleMarking(1, 2), Accepting(game, RequestTally, White, seen: 1));
        Assert.True(Accepting(game, RequestTally, White, seen: 2).Accepted);
        Assert.Equal(new ActionRefusal.StaleMarking(1, 2), Accepting(game, Accept, Black, seen: 1));
        Assert.Equal(GameStatus.RequestPending, game.Status);
    }

    [Fact]
    public void Area_scoring_counts_living_stones_and_territory_and_not_the_dead()
    {
        var game = InScoring(new Ruleset(KoRule.PositionalSuperko, ScoringRule.Area, 0.5));
        game.MustDo(MarkGroupDead, Black, new Point(0, 1));
        game.MustDo(MarkGroupDead, Black, new Point(3, 6));

        var count = game.View().Scoring!.Count;

        // Black: 7 wall stones + 21 territory; white: 7 wall stones + 14 territory + 0.5.
        Assert.Equal(new PerColor<int>(7, 7), count.Stones);
        Assert.Equal(new PerColor<double>(28, 21.5), count.Score);
    }

    [Fact]
    public void Resuming_play_clears_the_marking_and_the_next_two_passes_start_afresh()
    {
        var game = InScoring();
        game.MustDo(MarkGroupDead, Black, new Point(0, 1));
        game.MustDo(MarkDead, Black, new Point(3, 6));
        game.MustDo(Reject, White); // the original's dispute: play resumes

        Assert.Null(game.View().Scoring);
        Assert.False(game.View()[new Point(0, 1)].MarkedDead);
        Assert.Equal(new ActionRefusal.WrongStatus(MarkGroupDead, GameStatus.Play), game.Do(MarkGroupDead, Black, new Point(0, 1)));
        game.BothPass();
        Assert.Equal(DeadMarking.None, game.View().Scoring!.Marking);
    }

    [Fact]
    public void Marking_waits_while_a_chain_proposed_by_the_original_protocol_is_unanswered_and_needs_a_stone()
    {
        var game = InScoring();
        game.MustDo(MarkDead, White, new Point(3, 6));

        Assert.Equal(new ActionRefusal.RequestPending(RequestType.MarkDead), game.Do(MarkGroupDead, Black, new Point(0, 1)));
        game.MustDo(Accept, Black);
        Assert.Equal(new ActionRefusal.NoChain(new Point(3, 6)), game.Do(MarkGroupDead, Black, new Point(3, 6)));
        Assert.Equal(new ActionRefusal.OffBoard(new Point(7, 0), 7), game.Do(MarkGroupDead, Black, new Point(7, 0)));
        Assert.Equal(new ActionRefusal.PointMissing(MarkGroupAlive), game.Do(MarkGroupAlive, Black));
    }

    [Fact]
    public void A_replayed_log_rebuilds_the_marking_and_the_count()
    {
        var game = InScoring();
        game.MustDo(MarkGroupDead, Black, new Point(0, 1));
        game.MustDo(MarkGroupDead, White, new Point(3, 6));
        game.MustDo(MarkGroupAlive, Black, new Point(3, 6));
        game.MustDo(RequestTally, White);
        game.MustDo(Accept, Black);

        var replayed = Game.Replay(7, game.Rules, game.Actions);

        Assert.True(game.View().Scoring!.Marking.Dead.SetEquals(replayed.View().Scoring!.Marking.Dead));
        Assert.Equal(game.Tally!.Score, replayed.Tally!.Score);
        Assert.Equal(game.Result, replayed.Result);
    }
}
