using Igo.Domain;
using static Igo.Domain.ActionType;
using static Igo.Domain.Color;

namespace Igo.Tests.Domain;

/// <summary>
/// The engine's suggestion as the scoring phase's starting marking (<see cref="SuggestDead"/>): it marks groups dead
/// until a player acts, and a repeated suggestion changes nothing, withdraws nothing and undoes no correction.
/// </summary>
[Trait("Category", "Domain")]
public sealed class SuggestedMarkingTests
{
    // In ScoringPhaseTests.Position: 0,1 and 2,2 are one white group on the shared board; 3,6 a lone black stone.
    private static readonly Point DeadWhite = new(0, 1);
    private static readonly Point DeadBlack = new(3, 6);

    private static Game InScoring()
    {
        var game = Game.Create(7, Ruleset.Japanese(0.5));
        game.SetUp(Black, ScoringPhaseTests.Position);
        game.BothPass();
        return game;
    }

    [Fact]
    public void A_suggestion_marks_the_whole_group_dead_and_the_count_follows()
    {
        var game = InScoring();

        Assert.Equal(new ActionOutcome.MarkingSuggested(White, 2), game.MustDo(SuggestDead, White, DeadWhite));
        Assert.Equal(new ActionOutcome.MarkingSuggested(Black, 1), game.MustDo(SuggestDead, Black, DeadBlack));

        var scoring = game.View().Scoring!;
        Assert.Equal([new Point(0, 1), new Point(2, 2), DeadBlack], scoring.Marking.Dead.OrderBy(p => p.Row));
        Assert.Equal(2, scoring.Marking.Version);
        Assert.Equal(new PerColor<int>(2, 1), scoring.Count.Prisoners);
    }

    [Fact]
    public void The_same_suggestion_again_changes_nothing()
    {
        var game = InScoring();
        game.MustDo(SuggestDead, White, DeadWhite);
        var before = game.View();

        // Another instance, or a retry, suggests the same groups: every one is refused and the game does not move.
        Assert.Equal(new ActionRefusal.MarkingUnchanged(DeadWhite, true), game.Do(SuggestDead, White, DeadWhite));
        Assert.Equal(new ActionRefusal.MarkingUnchanged(new Point(2, 2), true), game.Do(SuggestDead, White, new Point(2, 2)));
        Assert.Same(before, game.View());
    }

    [Fact]
    public void Once_a_player_corrected_the_marking_a_late_suggestion_is_refused_and_the_correction_stands()
    {
        var game = InScoring();
        game.MustDo(SuggestDead, White, DeadWhite);
        game.MustDo(MarkGroupAlive, Black, DeadWhite);
        var corrected = game.View();

        Assert.Equal(new ActionRefusal.SuggestionClosed(), game.Do(SuggestDead, White, DeadWhite));
        Assert.Equal(new ActionRefusal.SuggestionClosed(), game.Do(SuggestDead, Black, DeadBlack));
        Assert.Same(corrected, game.View());
        Assert.Empty(game.View().Scoring!.Marking.Dead);
    }

    [Fact]
    public void A_suggestion_never_withdraws_an_acceptance()
    {
        var game = InScoring();
        game.MustDo(SuggestDead, White, DeadWhite);
        Assert.True(game.Apply(GameScript.Action(RequestTally, Black) with { MarkingVersion = 1 }).Accepted);

        Assert.Equal(new ActionRefusal.SuggestionClosed(), game.Do(SuggestDead, Black, DeadBlack));
        Assert.Equal(Black, game.View().Scoring!.Accepted);
        Assert.Equal(1, game.View().Scoring!.Marking.Version);
    }

    [Fact]
    public void A_suggestion_is_refused_in_play_on_an_empty_point_and_on_stones_of_the_other_colour()
    {
        var game = Game.Create(7, Ruleset.Japanese(0.5));
        game.SetUp(Black, ScoringPhaseTests.Position);
        Assert.Equal(new ActionRefusal.WrongStatus(SuggestDead, GameStatus.Play), game.Do(SuggestDead, White, DeadWhite));

        game.BothPass();
        Assert.Equal(new ActionRefusal.NoChain(new Point(0, 0)), game.Do(SuggestDead, White, new Point(0, 0)));
        Assert.Equal(new ActionRefusal.NoChain(DeadWhite), game.Do(SuggestDead, Black, DeadWhite));
        Assert.Equal(new ActionRefusal.PointMissing(SuggestDead), game.Do(SuggestDead, White));
        Assert.Empty(game.View().Scoring!.Marking.Dead);
    }

    [Fact]
    public void A_replayed_log_with_the_suggestion_rebuilds_the_marking()
    {
        var game = InScoring();
        game.MustDo(SuggestDead, White, DeadWhite);
        game.MustDo(MarkGroupDead, White, DeadBlack);

        var replayed = Game.Replay(7, Ruleset.Japanese(0.5), game.Actions);

        Assert.Equal(game.View().Scoring, replayed.View().Scoring);
        Assert.Equal(new ActionRefusal.SuggestionClosed(), replayed.Do(SuggestDead, White, DeadWhite));
    }
}
