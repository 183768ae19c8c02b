using CsCheck;
using Igo.Domain;
using static Igo.Tests.Domain.ClockScript;

namespace Igo.Tests.Domain;

/// <summary>
/// Random controls and random move timings, many of them aimed at a boundary (the flag to the millisecond, a whole number
/// of periods): the clock never shows a negative time, falls exactly when a move takes all the time left, only ever
/// gains time by its system's increment or reset, and replays to the same value.
/// </summary>
[Trait("Category", "Domain")]
public sealed class ClockPropertyTests
{
    private const int Iterations = 3000;

    private static readonly Gen<TimeSpan> Seconds = Gen.Int[1, 120].Select(s => S(s));

    private static readonly Gen<TimeControl> Controls = Gen.OneOf(
        Gen.Int[1, 600_000].Select(ms => TimeControl.Absolute(Ms(ms))),
        Gen.Select(Gen.Int[0, 120_000], Gen.Int[1, 5], Seconds, (main, periods, period) => TimeControl.ByoYomi(Ms(main), periods, period)),
        Gen.Select(Gen.Int[0, 120_000], Gen.Int[1, 10], Seconds, (main, stones, block) => TimeControl.Canadian(Ms(main), stones, block)),
        Gen.Select(Gen.Int[0, 120_000], Seconds, Gen.Int[-1, 300_000], (main, increment, extra) =>
            TimeControl.Fischer(Ms(main), increment, extra < 0 ? null : Max(Ms(main), increment) + Ms(extra))));

    // A move is a way of choosing its thinking time from the clock it is played on, and a random number.
    private static readonly Gen<(int Kind, int Ms)[]> Moves = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 150_000]).Array[1, 120];

    [Fact]
    public void Random_games_keep_every_clock_rule()
    {
        Gen.Select(Controls, Moves).Sample((control, moves) =>
        {
            var clock = GameClock.Start(control);
            var charges = new List<(Color, TimeSpan)>();
            var player = Color.Black;
            foreach (var (kind, ms) in moves)
            {
                var before = clock.TimeToFlag(player)!.Value;
                var thinking = Thinking(clock, player, kind, ms);
                AssertReadingAgrees(clock, player, thinking, before);

                var after = clock.Charge(player, thinking);
                charges.Add((player, thinking));
                Assert.Equal(clock[player.Opponent()], after[player.Opponent()]);
                Assert.Equal(thinking >= before ? player : null, after.FlagFell);
                AssertNeverNegative(after[player]);
                if (after.FlagFell is not null)
                {
                    Assert.True(after.Read(player, TimeSpan.Zero).FlagFell);
                    clock = after;
                    break;
                }

                AssertGainOnlyByTheRules(control, after[player], before - thinking, after.TimeToFlag(player)!.Value);
                clock = after;
                player = player.Opponent();
            }

            Assert.Equal(clock, Replay(control, charges));
        }, iter: Iterations);
    }

    [Fact]
    public void Byo_yomi_never_falls_when_every_move_is_faster_than_a_period()
    {
        Gen.Select(Gen.Int[0, 60_000], Gen.Int[1, 5], Gen.Int[1_000, 60_000], Gen.Double[0, 1].Array[1, 200]).Sample((main, periods, periodMs, fractions) =>
        {
            var control = TimeControl.ByoYomi(Ms(main), periods, Ms(periodMs));
            var clock = Replay(control, fractions.Select((f, i) => (Turn(i), Ms((long)(f * (periodMs - 1))))));
            Assert.Null(clock.FlagFell);
        }, iter: Iterations);
    }

    [Fact]
    public void Canadian_never_falls_when_every_move_is_faster_than_its_share_of_a_block()
    {
        Gen.Select(Gen.Int[0, 60_000], Gen.Int[1, 25], Gen.Int[1_000, 600_000], Gen.Double[0, 1].Array[1, 200]).Sample((main, stones, blockMs, fractions) =>
        {
            var control = TimeControl.Canadian(Ms(main), stones, Ms(blockMs));
            var share = blockMs / stones;
            var clock = Replay(control, fractions.Select((f, i) => (Turn(i), Ms((long)(f * (share - 1))))));
            Assert.Null(clock.FlagFell);
        }, iter: Iterations);
    }

    [Fact]
    public void Fischer_never_falls_when_every_move_is_faster_than_the_increment()
    {
        // Main time of at least one increment, or none (the first move then gets one increment).
        Gen.Select(Gen.Int[-1, 60_000], Gen.Int[1_000, 30_000], Gen.Double[0, 1].Array[1, 200]).Sample((extra, incrementMs, fractions) =>
        {
            var main = extra < 0 ? TimeSpan.Zero : Ms(incrementMs + extra);
            var control = TimeControl.Fischer(main, Ms(incrementMs), main > Ms(incrementMs) ? main : Ms(incrementMs));
            var clock = Replay(control, fractions.Select((f, i) => (Turn(i), Ms((long)(f * (incrementMs - 1))))));
            Assert.Null(clock.FlagFell);
        }, iter: Iterations);
    }

    [Fact]
    public void Readings_never_show_a_negative_time_and_count_down_with_the_turn()
    {
        Gen.Select(Controls, Moves, Gen.Int[0, 400_000], Gen.Int[0, 400_000]).Sample((control, moves, firstMs, laterMs) =>
        {
            var clock = Replay(control, moves.Select((m, i) => (Turn(i), Ms(m.Ms % 20_000))));
            var player = clock.FlagFell ?? Turn(moves.Length);
            var (early, late) = (Ms(Math.Min(firstMs, laterMs)), Ms(Math.Max(firstMs, laterMs)));
            var first = clock.Read(player, early);
            var later = clock.Read(player, late);

            foreach (var reading in new[] { first, later })
            {
                Assert.True(reading.MainLeft >= TimeSpan.Zero && reading.OvertimeLeft >= TimeSpan.Zero && reading.TimeToFlag >= TimeSpan.Zero);
                Assert.True(reading.PeriodsLeft >= 0 && reading.StonesLeft >= 0);
            }

            Assert.True(later.TimeToFlag <= first.TimeToFlag);
            Assert.True(later.MainLeft <= first.MainLeft);
        }, iter: Iterations);
    }

    private static TimeSpan Thinking(GameClock clock, Color player, int kind, int ms)
    {
        var toFlag = clock.TimeToFlag(player)!.Value;
        var control = clock.Control;
        return kind switch
        {
            0 => toFlag,
            1 => toFlag - Ms(1),
            2 => toFlag + Ms(1),
            // a whole number of periods or blocks past main time, and a millisecond short of it
            3 => clock[player].MainLeft + PeriodsOf(control, ms % 3),
            4 => clock[player].MainLeft + PeriodsOf(control, (ms % 3) + 1) - Ms(1),
            5 => clock[player].MainLeft,
            _ => Ms(ms % Math.Max(1, (long)(toFlag.TotalMilliseconds * 1.2))),
        };
    }

    private static TimeSpan PeriodsOf(TimeControl control, int count) => TimeSpan.FromTicks(control.PeriodTime.Ticks * count);

    // Reading the clock at the moment the move arrives shows what the charge decides.
    private static void AssertReadingAgrees(GameClock clock, Color player, TimeSpan thinking, TimeSpan before)
    {
        var reading = clock.Read(player, thinking);
        Assert.Equal(Max(TimeSpan.Zero, before - thinking), reading.TimeToFlag);
        Assert.Equal(thinking >= before, reading.FlagFell);
    }

    private static void AssertNeverNegative(PlayerClock clock)
    {
        Assert.True(clock.MainLeft >= TimeSpan.Zero && clock.BlockLeft >= TimeSpan.Zero, clock.ToString());
        Assert.True(clock.PeriodsLeft >= 0 && clock.StonesLeft >= 0, clock.ToString());
    }

    // After a move the time to the flag is what was left minus the move, plus only what the system gives back.
    private static void AssertGainOnlyByTheRules(TimeControl control, PlayerClock after, TimeSpan leftAfterMove, TimeSpan toFlag)
    {
        switch (control.System)
        {
            case TimeSystem.Absolute:
                Assert.Equal(leftAfterMove, toFlag);
                break;
            case TimeSystem.Fischer:
                var withIncrement = leftAfterMove + control.Increment;
                Assert.Equal(control.Cap is { } cap && withIncrement > cap ? cap : withIncrement, toFlag);
                break;
            case TimeSystem.ByoYomi:
                // the period the move was played in starts afresh: at most one period's worth comes back
                Assert.InRange(toFlag - leftAfterMove, TimeSpan.Zero, control.PeriodTime - Ms(1));
                Assert.InRange(after.PeriodsLeft, 1, control.Periods);
                break;
            default:
                // Canadian: unchanged, or a fresh block after the last stone of the last one
                Assert.True(toFlag == leftAfterMove || (after.StonesLeft == control.Stones && toFlag == control.PeriodTime), $"{after} {toFlag}");
                Assert.InRange(after.StonesLeft, 1, control.Stones);
                break;
        }
    }

    private static GameClock Replay(TimeControl control, IEnumerable<(Color Player, TimeSpan Thinking)> charges)
    {
        var clock = GameClock.Start(control);
        foreach (var (player, thinking) in charges)
        {
            if (clock.FlagFell is not null)
            {
                break;
            }

            clock = clock.Charge(player, thinking);
        }

        return clock;
    }

    private static Color Turn(int index) => index % 2 == 0 ? Color.Black : Color.White;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
