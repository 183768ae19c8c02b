using Igo.Domain;
using static Igo.Domain.ActionType;
using static Igo.Domain.Color;
using static Igo.Tests.Domain.ClockScript;

namespace Igo.Tests.Domain;

/// <summary>
/// A played game's record: the mover's clock after each move, rebuilt from the thinking times in the log
/// (<see cref="MoveClocks"/>), written to SGF with the result's kind and read back (docs/TIME-CONTROLS.md, "SGF").
/// </summary>
[Trait("Category", "Domain")]
public sealed class MoveClocksTests
{
    [Fact]
    public void A_byo_yomi_game_lost_on_time_round_trips_with_its_result_control_and_every_move_clock()
    {
        var control = TimeControl.ByoYomi(S(20), 3, S(10));
        var table = TimedTable.Create(control);
        table.OpeningMoves(S(4));
        table.Move(S(12));   // black: 8 s of main time left
        table.Move(S(25));   // white: 5 s into the first period, 3 periods kept
        table.Move(S(19));   // black: 11 s past main time, one period used, 2 left
        table.Wait(S(10) * 3);
        Assert.True(table.Act(TimeSpan.Zero, ActionType.Timeout, White).Accepted);

        var (game, clocks) = MoveClocks.Replay(9, Ruleset.Japanese(), control, table.Game.Actions);
        var sgf = Sgf.Export(game, new SgfGameInfo("B", "W", TimeControl: control), clocks);
        var copy = Sgf.Import(sgf);

        Assert.Contains("TM[20]OT[3x10 byo-yomi]RE[B+T]", sgf, StringComparison.Ordinal);
        Assert.Contains(";B[", sgf, StringComparison.Ordinal);
        Assert.Contains("BL[8]", sgf, StringComparison.Ordinal);
        Assert.Contains("WL[10]OW[3]", sgf, StringComparison.Ordinal);
        Assert.Contains("BL[10]OB[2]", sgf, StringComparison.Ordinal);
        Assert.True(copy.Succeeded, copy.Error);
        Assert.Equal(control, copy.Info.TimeControl);
        Assert.Equal(new GameResult(ResultType.Time, Black), copy.DeclaredGameResult);
        Assert.Equal(game.Moves, copy.Game!.Moves);
        Assert.Equal(clocks, copy.MoveClocks);
        Assert.Equal(5, clocks!.Count);
        Assert.Equal(S(20), clocks[0]!.MainLeft); // a free first move
        Assert.Equal(2, clocks[4]!.PeriodsLeft);
    }

    [Fact]
    public void A_move_taken_back_drops_out_of_the_record_with_its_clock_but_its_time_stays_spent()
    {
        var control = TimeControl.Absolute(Min(5));
        var table = TimedTable.Create(control);
        table.OpeningMoves(S(1));
        table.Move(S(30));                               // black: 4:30 left
        table.MustAct(S(5), RequestUndo, Black);          // white's clock ran 5 s before the request
        table.MustAct(S(2), Accept, White);               // white spent 2 s more answering
        table.Move(S(10));                               // black plays again: 4:20 left

        var (game, clocks) = MoveClocks.Replay(9, Ruleset.Japanese(), control, table.Game.Actions);

        Assert.Equal(3, game.Moves.Count);
        Assert.Equal([Min(5), Min(5), S(260)], clocks!.Select(c => c!.MainLeft));
        Assert.Equal(clocks, Sgf.Import(Sgf.Export(game, new SgfGameInfo("B", "W", TimeControl: control), clocks)).MoveClocks);
    }

    [Fact]
    public void A_forfeit_is_written_as_such_and_an_untimed_game_has_no_clocks()
    {
        var table = TimedTable.Create(TimeControl.None);
        table.OpeningMoves(S(1));
        table.MustAct(S(1), ClaimWin, White);

        var (game, clocks) = MoveClocks.Replay(9, Ruleset.Japanese(), TimeControl.None, table.Game.Actions);
        var sgf = Sgf.Export(game, new SgfGameInfo("B", "W", TimeControl: TimeControl.None), clocks);

        Assert.Null(clocks);
        Assert.Contains("RE[W+F]", sgf, StringComparison.Ordinal);
        Assert.DoesNotContain("BL[", sgf, StringComparison.Ordinal);
        Assert.Equal(new GameResult(ResultType.Forfeit, White), Sgf.Import(sgf).DeclaredGameResult);
    }
}
