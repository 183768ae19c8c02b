using Igo.Domain;
using Igo.Web.Components.Play;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class MoveAnnouncerTests
{
    [Fact]
    public void A_placement_names_the_colour_and_the_point()
    {
        var before = TestViews.Empty(19);

        var after = TestViews.Place(before, new Point(3, 15), Color.Black);

        Assert.Equal("Black Q16", MoveAnnouncer.Announce(before, after));
    }

    [Fact]
    public void A_capture_says_how_many_stones_were_taken()
    {
        var before = TestViews.Picture(
        [
            ".XO..",
            "XO...",
            ".....",
            ".....",
            ".....",
        ], turn: Color.White);

        var after = TestViews.Place(before, new Point(0, 0), Color.White, new PerColor<int>(0, 2), new Point(0, 1), new Point(1, 0));

        Assert.Equal("White A5, captures 2", MoveAnnouncer.Announce(before, after));
    }

    [Fact]
    public void A_pass_and_the_second_pass_that_starts_the_endgame_are_told_apart()
    {
        var start = TestViews.Empty(9);
        var afterOnePass = start with { Turn = Color.White, Version = 2, MoveNumber = 2 };
        var afterTwoPasses = afterOnePass with { Turn = Color.Black, Status = GameStatus.Endgame, Version = 3, MoveNumber = 3 };

        Assert.Equal("Black passed", MoveAnnouncer.Announce(start, afterOnePass));
        Assert.Equal("White passed. Both players passed: the endgame begins.", MoveAnnouncer.Announce(afterOnePass, afterTwoPasses));
    }

    [Fact]
    public void Requests_and_their_answers_are_announced()
    {
        var play = TestViews.Empty(9);
        var asked = play with { Status = GameStatus.RequestPending, PendingRequest = new PendingRequest(RequestType.Draw, Color.Black), Version = 2 };
        var rejected = play with { Version = 3 };

        Assert.Equal("Black asks to end the game as a draw.", MoveAnnouncer.Announce(play, asked));
        Assert.Equal("White rejected the request to end the game as a draw.", MoveAnnouncer.Announce(asked, rejected));
    }

    [Fact]
    public void Rejected_dead_stones_send_the_players_back_to_play()
    {
        var marked = TestViews.Picture(["o....", ".....", ".....", ".....", "....."],
            status: GameStatus.RequestPending, request: new PendingRequest(RequestType.MarkDead, Color.Black), version: 5);
        var rejected = TestViews.Picture(["O....", ".....", ".....", ".....", "....."], status: GameStatus.Play, version: 6);

        Assert.Equal("Black asks to mark 1 white stone as dead.", MoveAnnouncer.Announce(TestViews.Picture(["O....", ".....", ".....", ".....", "....."], status: GameStatus.Endgame, version: 4), marked));
        Assert.Equal("White rejected the request to mark 1 white stone as dead. Play resumes to settle it.", MoveAnnouncer.Announce(marked, rejected));
    }

    [Fact]
    public void The_end_of_the_game_announces_the_result_with_the_score()
    {
        var asked = TestViews.Empty(9, GameStatus.RequestPending) with { PendingRequest = new PendingRequest(RequestType.TallyScore, Color.White), Version = 9 };
        var over = asked with
        {
            Status = GameStatus.Complete,
            PendingRequest = null,
            Result = new GameResult(ResultType.StandardWin, Color.White),
            Score = new PerColor<double>(40, 47.5),
            Version = 10,
        };

        Assert.Equal("Black accepted. White wins by 7.5 points (Black 40, White 47.5).", MoveAnnouncer.Announce(asked, over));
    }

    [Fact]
    public void Resignation_names_who_resigned_and_who_wins()
    {
        var play = TestViews.Empty(9);
        var over = play with { Status = GameStatus.Complete, Result = new GameResult(ResultType.Resignation, Color.Black), Version = 2 };

        Assert.Equal("White resigned. Black wins.", MoveAnnouncer.Announce(play, over));
    }

    [Fact]
    public void The_same_version_twice_is_not_announced_again()
    {
        var view = TestViews.Place(TestViews.Empty(9), new Point(4, 4), Color.Black);

        Assert.Null(MoveAnnouncer.Announce(view, view));
        Assert.Null(MoveAnnouncer.Announce(null, view));
    }
}
