namespace Igo.Domain;

/// <summary>
/// One player's clock between turns: what is left when their turn starts. Which values count depends on the
/// <see cref="TimeSystem"/>; the others are zero.
/// </summary>
/// <param name="MainLeft">Main time left (absolute and Fischer: all the time left). Zero once in overtime.</param>
/// <param name="PeriodsLeft">Byo-yomi: periods left, counting the one the next overtime move is played in.</param>
/// <param name="StonesLeft">Canadian: stones still to play in the current block (before overtime: a whole block).</param>
/// <param name="BlockLeft">Canadian: time left in the current block (before overtime: a whole block).</param>
public sealed record PlayerClock(TimeSpan MainLeft, int PeriodsLeft, int StonesLeft, TimeSpan BlockLeft)
{
    /// <summary>A fallen flag: nothing left.</summary>
    internal static PlayerClock Empty { get; } = new(TimeSpan.Zero, 0, 0, TimeSpan.Zero);

    internal static PlayerClock Start(TimeControl control) => control.System switch
    {
        TimeSystem.Absolute => Empty with { MainLeft = control.MainTime },
        TimeSystem.ByoYomi => Empty with { MainLeft = control.MainTime, PeriodsLeft = control.Periods },
        TimeSystem.Canadian => new PlayerClock(control.MainTime, 0, control.Stones, control.PeriodTime),
        // With no main time, the first move still gets one increment to be played in.
        TimeSystem.Fischer => Empty with { MainLeft = control.MainTime > TimeSpan.Zero ? control.MainTime : control.Increment },
        _ => Empty,
    };

    /// <summary>
    /// The clock after a move that took <paramref name="thinking"/>, or null when the flag fell: a move that takes all
    /// the time left, to the tick, or more, is out of time.
    /// </summary>
    internal PlayerClock? Charge(TimeControl control, TimeSpan thinking)
    {
        switch (control.System)
        {
            case TimeSystem.None:
                return this;
            case TimeSystem.Absolute:
                return thinking >= MainLeft ? null : this with { MainLeft = MainLeft - thinking };
            case TimeSystem.Fischer:
                return thinking >= MainLeft ? null : this with { MainLeft = Capped(MainLeft - thinking + control.Increment, control) };
            case TimeSystem.ByoYomi when thinking < MainLeft:
            case TimeSystem.Canadian when thinking < MainLeft:
                return this with { MainLeft = MainLeft - thinking };
            case TimeSystem.ByoYomi:
                // A period is used up only when it runs out: a move at exactly k periods past main time has used k.
                var periodsUsed = (thinking - MainLeft).Ticks / control.PeriodTime.Ticks;
                return periodsUsed >= PeriodsLeft ? null : this with { MainLeft = TimeSpan.Zero, PeriodsLeft = PeriodsLeft - (int)periodsUsed };
            default:
                // Canadian, and the move is played in overtime: it is a stone of the block, including the move during
                // which main time ran out (whatever it went over is taken from that first block).
                var over = thinking - MainLeft;
                if (over >= BlockLeft)
                {
                    return null;
                }

                return StonesLeft == 1
                    ? new PlayerClock(TimeSpan.Zero, 0, control.Stones, control.PeriodTime)
                    : new PlayerClock(TimeSpan.Zero, 0, StonesLeft - 1, BlockLeft - over);
        }
    }

    /// <summary>
    /// The clock after <paramref name="spent"/> passed on it without a move (the player answered a request instead), or
    /// null when the flag fell. As <see cref="Charge"/>, except that Fischer adds no increment and a Canadian block
    /// counts no stone; a byo-yomi period the answer came inside is kept, as a move's would be.
    /// </summary>
    internal PlayerClock? Spend(TimeControl control, TimeSpan spent) => control.System switch
    {
        TimeSystem.Fischer => spent >= MainLeft ? null : this with { MainLeft = MainLeft - spent },
        TimeSystem.Canadian when spent >= MainLeft => spent - MainLeft >= BlockLeft
            ? null
            : new PlayerClock(TimeSpan.Zero, 0, StonesLeft, BlockLeft - (spent - MainLeft)),
        _ => Charge(control, spent),
    };

    /// <summary>What this clock shows <paramref name="elapsed"/> into its player's turn (zero for the player not to move).</summary>
    internal ClockReading Read(TimeControl control, TimeSpan elapsed)
    {
        switch (control.System)
        {
            case TimeSystem.None:
                return ClockReading.Untimed;
            case TimeSystem.Absolute or TimeSystem.Fischer:
                var left = Positive(MainLeft - elapsed);
                return new ClockReading(left, TimeSpan.Zero, 0, 0, InOvertime: false, SuddenDeath: true, left);
            case TimeSystem.ByoYomi when elapsed < MainLeft:
                return new ClockReading(MainLeft - elapsed, control.PeriodTime, PeriodsLeft, 0, InOvertime: false, SuddenDeath: false, MainLeft - elapsed + Times(control.PeriodTime, PeriodsLeft));
            case TimeSystem.Canadian when elapsed < MainLeft:
                return new ClockReading(MainLeft - elapsed, BlockLeft, 0, StonesLeft, InOvertime: false, SuddenDeath: false, MainLeft - elapsed + BlockLeft);
            case TimeSystem.ByoYomi:
                var over = elapsed - MainLeft;
                var periodsLeft = PeriodsLeft - (over.Ticks / control.PeriodTime.Ticks);
                return periodsLeft <= 0
                    ? ClockReading.Expired
                    : ClockReading.ByoYomiOvertime(control, control.PeriodTime - TimeSpan.FromTicks(over.Ticks % control.PeriodTime.Ticks), (int)periodsLeft);
            default:
                var blockLeft = BlockLeft - (elapsed - MainLeft);
                return blockLeft <= TimeSpan.Zero ? ClockReading.Expired : ClockReading.CanadianOvertime(blockLeft, StonesLeft);
        }
    }

    internal static TimeSpan Times(TimeSpan span, long count) => TimeSpan.FromTicks(span.Ticks * count);

    private static TimeSpan Positive(TimeSpan span) => span > TimeSpan.Zero ? span : TimeSpan.Zero;

    private static TimeSpan Capped(TimeSpan time, TimeControl control) => control.Cap is { } cap && time > cap ? cap : time;
}
