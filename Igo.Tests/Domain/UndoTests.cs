using Igo.Domain;
using static Igo.Domain.ActionType;
using static Igo.Domain.Color;

namespace Igo.Tests.Domain;

[Trait("Category", "Domain")]
public sealed class UndoTests
{
    [Fact]
    public void Undo_before_the_opponent_replies_takes_back_one_move()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        game.Stones((4, 4));

        Assert.Equal(new ActionOutcome.Requested(RequestType.Undo, Black), game.Do(RequestUndo, Black));
        Assert.Equal(new PendingRequest(RequestType.Undo, Black), game.PendingRequest);
        Assert.Equal(new ActionOutcome.Answered(RequestType.Undo, White, Agreed: true), game.Do(Accept, White));

        Assert.Equal((GameStatus.Play, Black, 0UL), (game.Status, game.Turn, game.BoardHash));
        Assert.Empty(game.Moves);
        Assert.Equal(3, game.Version);
    }

    [Fact]
    public void Undo_after_the_opponent_replied_takes_back_both_moves()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        game.Stones((4, 4), (2, 2), (6, 6));
        var afterFirst = game.BoardHash;
        game.Stones((3, 3));

        game.MustDo(RequestUndo, Black); // white's turn: the requester need not be to move
        game.MustDo(Accept, White);

        Assert.Equal(Black, game.Turn);
        Assert.Equal([new Move(Black, new Point(4, 4)), new Move(White, new Point(2, 2))], game.Moves);
        Assert.NotEqual(afterFirst, game.BoardHash);
        Assert.Equal(Stone.Empty, game.View()[new Point(6, 6)].Stone);
        Assert.Equal(Stone.Empty, game.View()[new Point(3, 3)].Stone);
    }

    [Fact]
    public void Undo_restores_captured_stones_prisoners_and_the_ko_state()
    {
        var game = Game.Create(4, Ruleset.Japanese());
        game.Stones((1, 0), (2, 0), (0, 1), (3, 1), (1, 2), (2, 2), (2, 1));
        var beforeCapture = game.BoardHash;
        var legalBefore = game.LegalMoves().ToHashSet();
        game.Stones((1, 1)); // white takes the ko

        game.MustDo(RequestUndo, White);
        game.MustDo(Accept, Black);

        Assert.Equal(beforeCapture, game.BoardHash);
        Assert.Equal(Stone.Black, game.View()[new Point(2, 1)].Stone);
        Assert.Equal(new PerColor<int>(0, 0), game.Prisoners);
        Assert.Equal(White, game.Turn);
        Assert.Equal(legalBefore, game.LegalMoves().ToHashSet());
    }

    [Fact]
    public void Taken_back_positions_do_not_count_for_superko()
    {
        var game = Game.Create(9, new Ruleset(KoRule.PositionalSuperko, ScoringRule.Area, 7.5));
        game.Stones((4, 4), (3, 3));
        game.MustDo(RequestUndo, White);
        game.MustDo(Accept, Black);

        Assert.True(game.Place(White, 3, 3).Accepted);
    }

    [Fact]
    public void A_rejected_undo_changes_nothing_but_the_log()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        game.Stones((4, 4), (2, 2));
        var hash = game.BoardHash;

        game.MustDo(RequestUndo, Black);
        Assert.Equal(new ActionOutcome.Answered(RequestType.Undo, White, Agreed: false), game.Do(Reject, White));

        Assert.Equal((GameStatus.Play, Black, hash, 2), (game.Status, game.Turn, game.BoardHash, game.Moves.Count));
    }

    [Fact]
    public void Undo_needs_a_move_of_ones_own_and_no_pending_request_and_play()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        Assert.Equal(new ActionRefusal.NothingToTakeBack(Black), game.Do(RequestUndo, Black));

        game.Stones((4, 4));
        Assert.Equal(new ActionRefusal.NothingToTakeBack(White), game.Do(RequestUndo, White));
        game.MustDo(RequestDraw, White);
        Assert.Equal(new ActionRefusal.RequestPending(RequestType.Undo), game.Do(RequestUndo, Black));
        game.MustDo(Reject, Black);

        game.BothPass();
        Assert.Equal(Rejection.NotPermitted, game.Do(RequestUndo, Black).Rejection);
    }

    [Fact]
    public void Undo_of_a_pass_after_an_endgame_interlude_also_restores_the_removed_stones()
    {
        var game = Game.Create(5, Ruleset.Japanese());
        game.Stones((2, 2), (0, 0));
        game.BothPass();
        game.MustDo(MarkDead, Black, new Point(0, 0));
        game.MustDo(Accept, White);
        game.MustDo(MarkDead, White, new Point(2, 2));
        game.MustDo(Reject, Black); // back to play, black to move; white's stone was removed
        Assert.Equal(1, game.Prisoners.Black);

        game.MustDo(RequestUndo, White); // white's last move is its pass
        game.MustDo(Accept, Black);

        Assert.Equal((White, GameStatus.Play), (game.Turn, game.Status));
        Assert.Equal(Stone.White, game.View()[new Point(0, 0)].Stone);
        Assert.Equal(new PerColor<int>(0, 0), game.Prisoners);
        Assert.Equal(3, game.Moves.Count);
    }
}
