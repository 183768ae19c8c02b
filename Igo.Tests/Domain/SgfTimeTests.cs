using Igo.Domain;
using static Igo.Domain.ActionType;
using static Igo.Domain.Color;
using static Igo.Tests.Domain.ClockScript;

namespace Igo.Tests.Domain;

/// <summary>Time in SGF: the time control (TM/OT), each move's clock (BL/WL, OB/OW) and the kinds of result (RE).</summary>
[Trait("Category", "Domain")]
public sealed class SgfTimeTests
{
    public static TheoryData<TimeControl, string> Controls() => new()
    {
        { TimeControl.Absolute(Min(10)), "TM[600]" },
        { TimeControl.ByoYomi(Min(10), 3, S(30)), "TM[600]OT[3x30 byo-yomi]" },
        { TimeControl.ByoYomi(TimeSpan.Zero, 5, S(10)), "TM[0]OT[5x10 byo-yomi]" },
        { TimeControl.Canadian(Min(10), 25, Min(5)), "TM[600]OT[25/300 Canadian]" },
        { TimeControl.Fischer(Min(5), S(10)), "TM[300]OT[10 fischer]" },
        { TimeControl.Fischer(Min(5), S(2.5), Min(10)), "TM[300]OT[2.5 fischer max 600]" },
    };

    [Theory]
    [MemberData(nameof(Controls))]
    public void A_timed_game_round_trips_with_its_control_and_every_move_clock(TimeControl control, string gameInfo)
    {
        var (game, clocks) = TimedGame(control, seed: 7, moves: 80);

        var sgf = Sgf.Export(game, new SgfGameInfo("B", "W", TimeControl: control), clocks);
        var copy = Sgf.Import(sgf);

        Assert.Contains($"PW[W]{gameInfo}", sgf, StringComparison.Ordinal);
        Assert.True(copy.Succeeded, copy.Error);
        Assert.Equal(control, copy.Info.TimeControl);
        Assert.Equal(game.Moves, copy.Game!.Moves);
        Assert.Equal(clocks, copy.MoveClocks);
    }

    [Fact]
    public void An_untimed_game_exports_exactly_as_before_and_imports_with_no_clock()
    {
        var game = SgfTests.RandomGame(9, Ruleset.Japanese(6.5), seed: 3, moves: 30);

        var sgf = Sgf.Export(game, new SgfGameInfo("B", "W"));

        Assert.Equal(sgf, Sgf.Export(game, new SgfGameInfo("B", "W", TimeControl: TimeControl.None)));
        Assert.DoesNotContain("TM[", sgf, StringComparison.Ordinal);
        Assert.DoesNotContain("BL[", sgf, StringComparison.Ordinal);
        var copy = Sgf.Import(sgf);
        Assert.Null(copy.Info.TimeControl);
        Assert.Equal(new SgfGameInfo("B", "W"), copy.Info);
        Assert.Equal(game.Moves.Count, copy.MoveClocks.Count);
        Assert.All(copy.MoveClocks, Assert.Null);
    }

    [Fact]
    public void Byo_yomi_moves_record_main_time_then_the_period_and_the_periods_left()
    {
        var control = TimeControl.ByoYomi(S(20), 3, S(30));
        var game = Game.Create(9, Ruleset.Japanese());
        game.Stones((4, 4), (2, 2), (6, 6), (2, 6));
        var clock = GameClock.Start(control);
        var clocks = new List<ClockReading?>();
        foreach (var (player, thinking) in new[] { (Black, S(2.5)), (White, S(20)), (Black, S(50)), (White, Ms(100)) })
        {
            clock = clock.Charge(player, thinking);
            clocks.Add(clock.Read(player, TimeSpan.Zero));
        }

        var sgf = Sgf.Export(game, new SgfGameInfo(TimeControl: control), clocks);

        Assert.Contains(";B[ee]BL[17.5];W[cc]WL[30]OW[3];B[gg]BL[30]OB[2];W[gc]WL[30]OW[3])", sgf, StringComparison.Ordinal);
    }

    [Fact]
    public void Canadian_moves_record_the_block_time_and_the_stones_left_in_overtime()
    {
        var control = TimeControl.Canadian(S(10), 3, S(30));
        var game = Game.Create(9, Ruleset.Japanese());
        game.Stones((4, 4), (2, 2));
        var clock = GameClock.Start(control).Charge(Black, S(12.25));
        var clocks = new List<ClockReading?> { clock.Read(Black, TimeSpan.Zero), null };

        var sgf = Sgf.Export(game, new SgfGameInfo(TimeControl: control), clocks);

        Assert.Contains(";B[ee]BL[27.75]OB[2];W[cc])", sgf, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TM[600]OT[5x30 byo-yomi]", 600, TimeSystem.ByoYomi, 5, 30)]
    [InlineData("TM[600]OT[5X30 BYOYOMI]", 600, TimeSystem.ByoYomi, 5, 30)]
    [InlineData("TM[60]OT[ 3 x 10.5 Byo-Yomi ]", 60, TimeSystem.ByoYomi, 3, 10.5)]
    [InlineData("TM[600]OT[15/300 canadian]", 600, TimeSystem.Canadian, 15, 300)]
    [InlineData("TM[1800]OT[25/600 Canadian]", 1800, TimeSystem.Canadian, 25, 600)]
    [InlineData("OT[60 simple]", 0, TimeSystem.ByoYomi, 1, 60)]
    [InlineData("TM[300]OT[30 Fischer]", 300, TimeSystem.Fischer, 0, 0)]
    [InlineData("TM[300]", 300, TimeSystem.Absolute, 0, 0)]
    public void Import_reads_the_overtime_forms_other_programs_write(string gameInfo, double mainSeconds, TimeSystem system, int count, double periodSeconds)
    {
        var control = Sgf.Import($"(;GM[1]SZ[9]{gameInfo};B[ee])").Info.TimeControl;

        Assert.NotNull(control);
        Assert.Equal((system, S(mainSeconds)), (control.System, control.MainTime));
        Assert.Equal(count, Math.Max(control.Periods, control.Stones));
        Assert.Equal(S(periodSeconds), control.PeriodTime);
        Assert.Equal(system == TimeSystem.Fischer ? S(30) : TimeSpan.Zero, control.Increment);
    }

    [Theory]
    [InlineData("TM[600]OT[5 mins Japanese style, 1 move / min]")] // free text: not a form Igo knows
    [InlineData("TM[600]OT[100x30 byo-yomi]")]                     // more periods than Igo allows
    [InlineData("TM[0]")]
    [InlineData("OT[10 fischer max 5]")]                             // a cap below the increment
    public void Import_leaves_out_a_time_control_it_cannot_use_but_keeps_the_game(string gameInfo)
    {
        var result = Sgf.Import($"(;GM[1]SZ[9]{gameInfo};B[ee]BL[20])");

        Assert.True(result.Succeeded, result.Error);
        Assert.Null(result.Info.TimeControl);
        Assert.Equal([null], result.MoveClocks);
    }

    [Theory]
    [InlineData("(;SZ[9]TM[ten];B[ee])", "The time limit TM[ten] is not a number of seconds.")]
    [InlineData("(;SZ[9]TM[-5];B[ee])", "The time limit TM[-5] is not a number of seconds.")]
    [InlineData("(;SZ[9]TM[600];B[ee];W[cc]WL[soon])", "Move 2's time left WL[soon] is not a number of seconds.")]
    [InlineData("(;SZ[9]TM[600]OT[3x30 byo-yomi];B[ee]BL[12]OB[two])", "Move 1's overtime count OB[two] is not a whole number.")]
    public void Malformed_times_give_a_clear_error(string text, string expected)
    {
        var result = Sgf.Import(text);

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void Import_reads_a_time_left_longer_than_a_period_as_main_time_whatever_the_count()
    {
        var result = Sgf.Import("(;SZ[9]TM[600]OT[5x30 byo-yomi];B[ee]BL[597.1]OB[5];W[cc]WL[12.5]OW[4])");

        Assert.Equal(new ClockReading(S(597.1), S(30), 5, 0, false, false, S(597.1 + 150)), result.MoveClocks[0]);
        Assert.Equal(new ClockReading(TimeSpan.Zero, S(12.5), 4, 0, true, false, S(12.5 + 90)), result.MoveClocks[1]);
    }

    [Fact]
    public void Move_clocks_need_a_timed_control_and_one_entry_per_move()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        game.Stones((4, 4));
        var reading = GameClock.Start(TimeControl.Absolute(Min(1))).Read(Black, TimeSpan.Zero);

        Assert.Throws<ArgumentException>(() => Sgf.Export(game, new SgfGameInfo(), [reading]));
        Assert.Throws<ArgumentException>(() => Sgf.Export(game, new SgfGameInfo(TimeControl: TimeControl.Absolute(Min(1))), [reading, reading]));
    }

    public static TheoryData<GameResult, string> Results() => new()
    {
        { new GameResult(ResultType.Time, Black), "B+T" },
        { new GameResult(ResultType.Forfeit, White), "W+F" },
        { new GameResult(ResultType.Resignation, Black), "B+R" },
        { new GameResult(ResultType.Draw, null), "0" },
        { new GameResult(ResultType.StandardWin, White), "W+" },
    };

    [Theory]
    [MemberData(nameof(Results))]
    public void Each_kind_of_result_has_its_RE_and_reads_back(GameResult result, string text)
    {
        Assert.Equal(text, SgfResult.Write(result, score: null));
        Assert.Equal(result, SgfResult.Read(text));
        Assert.Equal(result, Sgf.Import($"(;SZ[9]RE[{text}];B[ee])").DeclaredGameResult);
    }

    [Theory]
    [InlineData("W+Time", ResultType.Time, White)]
    [InlineData("b+forfeit", ResultType.Forfeit, Black)]
    [InlineData("W+Resign", ResultType.Resignation, White)]
    [InlineData("B+12.5", ResultType.StandardWin, Black)]
    [InlineData("Draw", ResultType.Draw, null)]
    public void Import_reads_the_long_forms_of_a_result(string text, ResultType type, Color? winner) =>
        Assert.Equal(new GameResult(type, winner), Sgf.Import($"(;SZ[9]RE[{text}];B[ee])").DeclaredGameResult);

    [Theory]
    [InlineData("Void")]
    [InlineData("?")]
    [InlineData("B+X")]
    public void A_result_that_is_void_or_unknown_declares_none(string text) =>
        Assert.Null(Sgf.Import($"(;SZ[9]RE[{text}];B[ee])").DeclaredGameResult);

    [Fact]
    public void A_counted_result_is_written_with_its_margin()
    {
        Assert.Equal("W+3.5", SgfResult.Write(new GameResult(ResultType.StandardWin, White), new PerColor<double>(40, 43.5)));

        var game = Game.Create(9, Ruleset.Japanese());
        game.MustDo(Resign, Black);
        Assert.Equal(new GameResult(ResultType.Resignation, White), Sgf.Import(Sgf.Export(game)).DeclaredGameResult);
    }

    /// <summary>A seeded random game with a random thinking time for each move, always inside the mover's time.</summary>
    internal static (Game Game, List<ClockReading?> Clocks) TimedGame(TimeControl control, int seed, int moves, int size = 9)
    {
        var game = SgfTests.RandomGame(size, Ruleset.Japanese(6.5), seed, moves);
        var random = new Random(seed);
        var clock = GameClock.Start(control);
        var clocks = new List<ClockReading?>();
        foreach (var move in game.Moves)
        {
            var toFlag = clock.TimeToFlag(move.Player)!.Value;
            var thinking = Ms(random.NextInt64((long)Math.Min(toFlag.TotalMilliseconds, 90_000)));
            clock = clock.Charge(move.Player, thinking);
            clocks.Add(clock.Read(move.Player, TimeSpan.Zero));
        }

        return (game, clocks);
    }
}
