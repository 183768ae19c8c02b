using Igo.Domain;
using Igo.Tests.Games;
using static Igo.Domain.ActionType;
using static Igo.Domain.Color;

namespace Igo.Tests.Domain;

[Trait("Category", "Domain")]
public sealed class GameLogTests
{
    [Fact]
    public void Only_accepted_actions_are_logged_and_counted()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        var first = GameScript.Action(PlaceStone, Black, new Point(4, 4));

        game.Apply(first);
        game.Place(Black, 3, 3); // not black's turn
        game.Place(White, 4, 4); // occupied

        Assert.Equal([first], game.Actions);
        Assert.Equal(1, game.Version);
        Assert.Same(first, game.Actions[0]);
    }

    [Fact]
    public void A_rejected_action_leaves_the_view_untouched()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        game.Stones((4, 4));
        var view = game.View();

        game.Place(White, 4, 4);
        game.Do(Accept, White);
        game.Do(MarkDead, White, new Point(4, 4));

        Assert.Same(view, game.View());
    }

    [Fact]
    public void The_view_is_rebuilt_only_when_the_version_changes()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        var first = game.View();

        Assert.Same(first, game.View());
        game.Stones((4, 4));
        var second = game.View();

        Assert.NotSame(first, second);
        Assert.Equal(0, first.Version);
        Assert.Equal(Stone.Empty, first[new Point(4, 4)].Stone);
        Assert.Equal(1, second.Version);
    }

    [Fact]
    public void Nothing_is_permitted_once_the_game_is_complete()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        game.MustDo(Resign, White);

        foreach (var type in Enum.GetValues<ActionType>())
        {
            var outcome = game.Do(type, Black, new Point(0, 0));
            Assert.Equal(new ActionRefusal.GameComplete(), outcome);
        }

        Assert.Equal(1, game.Version);
    }

    [Fact]
    public void Points_off_the_board_are_refused_with_an_explanation()
    {
        var game = Game.Create(9, Ruleset.Japanese());

        Assert.Equal(new ActionRefusal.OffBoard(new Point(9, 3), 9), game.Place(Black, 9, 3));
        Assert.Equal(new ActionRefusal.OffBoard(new Point(-1, 3), 9), game.Place(Black, -1, 3));
        Assert.False(game.IsLegalPlacement(new Point(-1, 3), Black));
        Assert.Equal(0, game.Version);
    }

    [Fact]
    public void An_action_by_no_known_player_is_not_permitted()
    {
        var game = Game.Create(9, Ruleset.Japanese());

        Assert.Equal(new ActionRefusal.UnknownPlayer((Color)0), game.Do(Pass, (Color)0));
        Assert.Equal(Rejection.NotPermitted, game.Do(Pass, (Color)0).Rejection);
        Assert.Equal(new ActionRefusal.UnknownAction((ActionType)99), game.Do((ActionType)99, Black));
    }

    [Fact]
    public void Passing_while_a_request_is_pending_is_not_permitted()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        game.MustDo(RequestDraw, Black);

        var outcome = game.Do(Pass, Black);

        Assert.Equal(Rejection.NotPermitted, outcome.Rejection);
        Assert.Equal(new ActionRefusal.WrongStatus(Pass, GameStatus.RequestPending), outcome);
    }

    [Fact]
    public void A_rejected_request_between_two_passes_breaks_the_pass_sequence()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        game.MustDo(Pass, Black);
        game.MustDo(RequestDraw, White);
        game.MustDo(Reject, Black);

        game.MustDo(Pass, White);

        Assert.Equal(GameStatus.Play, game.Status);
        game.MustDo(Pass, Black);
        Assert.Equal(GameStatus.Endgame, game.Status);
        Assert.Equal(White, game.Turn); // the player who passed first in the final pair moves if play resumes
    }

    [Fact]
    public void Replay_rebuilds_a_full_game_including_requests_and_scoring()
    {
        var rules = Ruleset.Japanese(0.5);
        var game = Game.Create(5, rules);
        game.Stones((1, 1), (3, 3), (1, 3), (3, 1), (4, 4));
        game.MustDo(RequestUndo, Black);
        game.MustDo(Accept, White);
        game.Stones((2, 2));
        game.BothPass();
        game.MustDo(MarkDead, White, new Point(2, 2));
        game.MustDo(Accept, Black);
        game.MustDo(RequestTally, Black);
        game.MustDo(Accept, White);

        var replayed = Game.Replay(5, rules, game.Actions);

        var (original, copy) = (game.View(), replayed.View());
        Assert.Equal(original.Points, copy.Points);
        GameViews.AssertSame(original, copy);
        Assert.Equal(game.Moves, replayed.Moves);
        Assert.Equal(game.BoardHash, replayed.BoardHash);
    }

    [Fact]
    public void Replay_refuses_a_log_with_an_action_the_rules_reject()
    {
        var log = new[]
        {
            GameScript.Action(PlaceStone, Black, new Point(0, 0)),
            GameScript.Action(PlaceStone, White, new Point(0, 0)),
        };

        var error = Assert.Throws<InvalidDataException>(() => Game.Replay(9, Ruleset.Japanese(), log));

        Assert.Contains("Logged action 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Occupied { Point = (0, 0) }", error.Message, StringComparison.Ordinal);
    }
}
