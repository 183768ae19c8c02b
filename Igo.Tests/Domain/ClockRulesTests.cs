using Igo.Domain;
using static Igo.Domain.Color;
using static Igo.Tests.Domain.ClockScript;

namespace Igo.Tests.Domain;

/// <summary>Each time system's rules, at and around their boundaries.</summary>
[Trait("Category", "Domain")]
public sealed class ClockRulesTests
{
    [Fact]
    public void Absolute_time_is_taken_move_by_move_and_a_move_at_the_deadline_loses()
    {
        var clock = GameClock.Start(TimeControl.Absolute(S(60)));

        clock = clock.Charge(Black, S(20));
        Assert.Equal(S(40), clock.Black.MainLeft);
        Assert.Equal(S(60), clock.White.MainLeft);

        Assert.Equal(Ms(1), clock.Charge(Black, S(40) - Ms(1)).Black.MainLeft);
        var atDeadline = clock.Charge(Black, S(40));
        Assert.Equal(Black, atDeadline.FlagFell);
        Assert.Equal(TimeSpan.Zero, atDeadline.Black.MainLeft);
        Assert.Equal(Black, clock.Charge(Black, S(40) + Ms(1)).FlagFell);
        Assert.Equal(S(60), atDeadline.White.MainLeft);
    }

    [Fact]
    public void The_deadline_is_the_turn_start_plus_the_time_to_the_flag()
    {
        var clock = GameClock.Start(TimeControl.ByoYomi(Min(10), 3, S(30))).Moves(Min(4));
        var turnStarted = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(Min(6) + S(90), clock.TimeToFlag(Black));
        Assert.Equal(turnStarted + Min(6) + S(90), clock.Deadline(Black, turnStarted));
        Assert.Equal(turnStarted + Min(10) + S(90), clock.Deadline(White, turnStarted));
    }

    [Fact]
    public void A_clock_whose_flag_fell_reads_zero_and_takes_no_more_moves()
    {
        var clock = GameClock.Start(TimeControl.Fischer(S(10), S(5))).Charge(White, S(10));

        Assert.Equal(White, clock.FlagFell);
        var reading = clock.Read(White, S(3));
        Assert.True(reading.FlagFell);
        Assert.Equal(TimeSpan.Zero, reading.TimeToFlag);
        Assert.Equal(TimeSpan.Zero, reading.MainLeft);
        Assert.Throws<InvalidOperationException>(() => clock.Charge(Black, S(1)));
    }

    [Fact]
    public void A_negative_thinking_time_counts_as_none()
    {
        var clock = GameClock.Start(TimeControl.Absolute(S(60)));

        Assert.Equal(clock, clock.Charge(Black, S(-5)));
        Assert.Equal(S(60), clock.Read(Black, S(-5)).MainLeft);
    }

    [Fact]
    public void An_untimed_clock_never_falls_and_has_no_deadline()
    {
        var clock = GameClock.Start(TimeControl.None);

        var after = clock.Charge(Black, TimeSpan.FromDays(300));

        Assert.Null(after.FlagFell);
        Assert.Equal(clock, after);
        Assert.Null(after.TimeToFlag(Black));
        Assert.Null(after.Deadline(White, DateTimeOffset.UnixEpoch));
        Assert.False(after.Read(Black, TimeSpan.FromDays(1)).IsTimed);
        Assert.False(after.Read(Black, TimeSpan.FromDays(1)).FlagFell);
    }

    [Fact]
    public void Starting_with_an_invalid_control_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => GameClock.Start(TimeControl.ByoYomi(Min(10), 0, S(30))));
        Assert.Contains(nameof(TimeControlRefusal.PeriodsOutOfRange), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Byo_yomi_spends_main_time_first_then_keeps_a_period_for_every_move_inside_it()
    {
        var clock = GameClock.Start(TimeControl.ByoYomi(S(60), 3, S(30)));

        clock = clock.Moves(S(50));
        Assert.Equal(new PlayerClock(S(10), 3, 0, TimeSpan.Zero), clock.Black);

        clock = clock.Charge(White, S(1)).Charge(Black, S(25)); // main runs out 10 s in; 15 s into the first period
        Assert.Equal(new PlayerClock(TimeSpan.Zero, 3, 0, TimeSpan.Zero), clock.Black);
        Assert.Equal(new ClockReading(TimeSpan.Zero, S(30), 3, 0, InOvertime: true, SuddenDeath: false, S(90)), clock.Read(Black, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(29_999, 3)]
    [InlineData(30_000, 2)] // a move at exactly one period has used it
    [InlineData(59_999, 2)]
    [InlineData(60_000, 1)]
    [InlineData(89_999, 1)]
    [InlineData(90_000, 0)] // the last period ran out: lost on time
    public void Byo_yomi_uses_a_period_each_time_one_runs_out(long thinkingMs, int periodsLeft)
    {
        var clock = GameClock.Start(TimeControl.ByoYomi(TimeSpan.Zero, 3, S(30)));

        var after = clock.Charge(Black, Ms(thinkingMs));

        Assert.Equal(periodsLeft == 0 ? Black : null, after.FlagFell);
        Assert.Equal(periodsLeft, after.Black.PeriodsLeft);
    }

    [Fact]
    public void Byo_yomi_carries_leftover_main_time_into_the_periods_of_the_same_move()
    {
        // Main 4 s left, the move takes 70 s: 66 s over, two periods used, one left (sudden death).
        var clock = GameClock.Start(TimeControl.ByoYomi(Min(10), 3, S(30))).Moves(Min(10) - S(4), S(1));

        clock = clock.Charge(Black, S(70));

        Assert.Equal(new PlayerClock(TimeSpan.Zero, 1, 0, TimeSpan.Zero), clock.Black);
        var reading = clock.Read(Black, TimeSpan.Zero);
        Assert.True(reading.SuddenDeath);
        Assert.Equal(S(30), reading.TimeToFlag);
        var lastPeriod = clock.Charge(White, S(1));
        Assert.Null(lastPeriod.Charge(Black, S(29.999)).FlagFell);
        Assert.Equal(Black, lastPeriod.Charge(Black, S(30)).FlagFell);
    }

    [Fact]
    public void Byo_yomi_reads_the_period_countdown_and_the_periods_left()
    {
        var clock = GameClock.Start(TimeControl.ByoYomi(S(20), 3, S(30)));

        Assert.Equal(new ClockReading(S(5), S(30), 3, 0, false, false, S(95)), clock.Read(Black, S(15)));
        Assert.Equal(new ClockReading(TimeSpan.Zero, S(30), 3, 0, true, false, S(90)), clock.Read(Black, S(20)));
        Assert.Equal(new ClockReading(TimeSpan.Zero, S(15), 2, 0, true, false, S(45)), clock.Read(Black, S(65)));
        Assert.Equal(new ClockReading(TimeSpan.Zero, Ms(1), 1, 0, true, true, Ms(1)), clock.Read(Black, S(110) - Ms(1)));
        Assert.True(clock.Read(Black, S(110)).FlagFell);
    }

    [Fact]
    public void Canadian_counts_the_move_that_exhausts_main_time_as_the_first_stone_of_the_block()
    {
        var clock = GameClock.Start(TimeControl.Canadian(S(10), 3, S(30)));

        Assert.Equal(new PlayerClock(TimeSpan.Zero, 0, 2, S(28)), clock.Charge(Black, S(12)).Black);
        Assert.Equal(new PlayerClock(TimeSpan.Zero, 0, 2, S(30)), clock.Charge(Black, S(10)).Black); // exactly at the end of main time
        Assert.Equal(new PlayerClock(Ms(1), 0, 3, S(30)), clock.Charge(Black, S(10) - Ms(1)).Black);
        Assert.Equal(Black, clock.Charge(Black, S(40)).FlagFell); // 30 s over: the whole first block
        Assert.Null(clock.Charge(Black, S(40) - Ms(1)).FlagFell);
    }

    [Fact]
    public void Canadian_starts_a_fresh_block_after_the_last_stone_even_at_one_millisecond_left()
    {
        var clock = GameClock.Start(TimeControl.Canadian(TimeSpan.Zero, 3, S(30)));
        clock = clock.Moves(S(10), S(1), S(10), S(1));
        Assert.Equal(new PlayerClock(TimeSpan.Zero, 0, 1, S(10)), clock.Black);

        var reset = clock.Charge(Black, S(10) - Ms(1));
        Assert.Equal(new PlayerClock(TimeSpan.Zero, 0, 3, S(30)), reset.Black);
        Assert.Equal(Black, clock.Charge(Black, S(10)).FlagFell);

        var reading = reset.Read(Black, S(12));
        Assert.Equal(new ClockReading(TimeSpan.Zero, S(18), 0, 3, InOvertime: true, SuddenDeath: true, S(18)), reading);
    }

    [Fact]
    public void Canadian_with_one_stone_a_block_resets_after_every_move()
    {
        var clock = GameClock.Start(TimeControl.Canadian(TimeSpan.Zero, 1, S(5)));

        Assert.Equal(new PlayerClock(TimeSpan.Zero, 0, 1, S(5)), clock.Charge(Black, S(4.999)).Black);
        Assert.Equal(Black, clock.Charge(Black, S(5)).FlagFell);
    }

    [Fact]
    public void Canadian_reads_main_time_with_the_block_to_come()
    {
        var clock = GameClock.Start(TimeControl.Canadian(Min(10), 25, Min(5)));

        Assert.Equal(new ClockReading(Min(9), Min(5), 0, 25, false, false, Min(14)), clock.Read(White, Min(1)));
        Assert.Equal(Min(15), clock.TimeToFlag(White));
    }

    [Fact]
    public void Fischer_adds_the_increment_after_each_move_including_the_first()
    {
        var clock = GameClock.Start(TimeControl.Fischer(Min(5), S(10), Min(10)));

        Assert.Equal(Min(5) + S(10), clock.Charge(Black, TimeSpan.Zero).Black.MainLeft);
        Assert.Equal(S(290), clock.Charge(Black, S(20)).Black.MainLeft);
    }

    [Fact]
    public void Fischer_applies_the_cap_after_adding_the_increment()
    {
        var clock = GameClock.Start(TimeControl.Fischer(Min(10), S(10), Min(10))).Moves(S(5), S(1));
        Assert.Equal(Min(10), clock.Black.MainLeft); // 605 s without the cap

        clock = GameClock.Start(TimeControl.Fischer(Min(10), S(10), Min(10))).Moves(S(15), S(1)); // 595 s left
        Assert.Equal(Min(10), clock.Charge(Black, S(2)).Black.MainLeft);
        Assert.Equal(S(599), clock.Charge(Black, S(6)).Black.MainLeft);
    }

    [Fact]
    public void Fischer_without_a_cap_lets_time_grow()
    {
        var clock = GameClock.Start(TimeControl.Fischer(S(30), S(10))).Moves(S(1), S(1), S(1), S(1));

        Assert.Equal(S(48), clock.Black.MainLeft);
    }

    [Fact]
    public void Fischer_adds_no_increment_to_a_move_out_of_time()
    {
        var clock = GameClock.Start(TimeControl.Fischer(S(30), S(10))).Moves(S(25)); // 15 s left

        Assert.Equal(Ms(10_001), clock.Charge(Black, S(15) - Ms(1)).Black.MainLeft);
        var late = clock.Charge(Black, S(15));
        Assert.Equal(Black, late.FlagFell);
        Assert.Equal(TimeSpan.Zero, late.Black.MainLeft);
    }

    [Fact]
    public void Fischer_with_no_main_time_gives_the_first_move_one_increment()
    {
        var clock = GameClock.Start(TimeControl.Fischer(TimeSpan.Zero, S(10)));

        Assert.Equal(S(10), clock.TimeToFlag(Black));
        Assert.Equal(S(10) + Ms(1), clock.Charge(Black, S(10) - Ms(1)).Black.MainLeft);
        Assert.Equal(Black, clock.Charge(Black, S(10)).FlagFell);
    }

    [Fact]
    public void Fischer_capped_at_its_increment_is_a_fixed_time_per_move()
    {
        var clock = GameClock.Start(TimeControl.Fischer(S(10), S(10), S(10)));

        clock = clock.Moves(S(9), S(2), S(0.5));
        Assert.Equal(S(10), clock.TimeToFlag(Black));
        Assert.Equal(S(10), clock.TimeToFlag(White));
    }

    [Fact]
    public void Reading_the_player_not_to_move_at_zero_shows_their_clock_between_turns()
    {
        var clock = GameClock.Start(TimeControl.Absolute(Min(1))).Moves(S(12));

        Assert.Equal(new ClockReading(S(48), TimeSpan.Zero, 0, 0, false, true, S(48)), clock.Read(Black, TimeSpan.Zero));
        Assert.Equal(new ClockReading(TimeSpan.Zero, TimeSpan.Zero, 0, 0, false, true, TimeSpan.Zero), clock.Read(White, Min(2)));
    }
}
