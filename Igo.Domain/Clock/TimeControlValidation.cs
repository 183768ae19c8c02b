namespace Igo.Domain;

/// <summary>The checks behind <see cref="TimeControl.Validate"/>, system by system.</summary>
internal static class TimeControlValidation
{
    public static TimeControlRefusal? Check(TimeControl control)
    {
        if (!Enum.IsDefined(control.System))
        {
            return TimeControlRefusal.UnknownSystem;
        }

        if (UnusedSettingIsSet(control))
        {
            return TimeControlRefusal.UnusedSetting;
        }

        if (new[] { control.MainTime, control.PeriodTime, control.Increment, control.Cap ?? TimeSpan.Zero }.Any(t => t.Ticks % TimeSpan.TicksPerMillisecond != 0))
        {
            return TimeControlRefusal.FinerThanAMillisecond;
        }

        var mainInRange = control.MainTime >= TimeSpan.Zero && control.MainTime <= TimeControlLimits.MaxMainTime;
        return control.System switch
        {
            TimeSystem.None => null,
            TimeSystem.Absolute when !mainInRange || control.MainTime == TimeSpan.Zero => TimeControlRefusal.MainTimeOutOfRange,
            TimeSystem.Absolute => null,
            _ when !mainInRange => TimeControlRefusal.MainTimeOutOfRange,
            TimeSystem.ByoYomi when control.Periods is < TimeControlLimits.MinPeriods or > TimeControlLimits.MaxPeriods => TimeControlRefusal.PeriodsOutOfRange,
            TimeSystem.Canadian when control.Stones is < TimeControlLimits.MinStones or > TimeControlLimits.MaxStones => TimeControlRefusal.StonesOutOfRange,
            TimeSystem.ByoYomi or TimeSystem.Canadian when !PeriodInRange(control.PeriodTime) => TimeControlRefusal.PeriodTimeOutOfRange,
            TimeSystem.Fischer when control.Increment < TimeControlLimits.MinIncrement || control.Increment > TimeControlLimits.MaxIncrement =>
                TimeControlRefusal.IncrementOutOfRange,
            TimeSystem.Fischer when control.Cap is { } cap && (cap < control.MainTime || cap < control.Increment || cap > TimeControlLimits.MaxMainTime) =>
                TimeControlRefusal.CapOutOfRange,
            _ => null,
        };
    }

    private static bool PeriodInRange(TimeSpan period) => period >= TimeControlLimits.MinPeriodTime && period <= TimeControlLimits.MaxPeriodTime;

    // A control is well formed when it is what its system's factory makes of the values that system uses.
    private static bool UnusedSettingIsSet(TimeControl control) => control != control.System switch
    {
        TimeSystem.None => TimeControl.None,
        TimeSystem.Absolute => TimeControl.Absolute(control.MainTime),
        TimeSystem.ByoYomi => TimeControl.ByoYomi(control.MainTime, control.Periods, control.PeriodTime),
        TimeSystem.Canadian => TimeControl.Canadian(control.MainTime, control.Stones, control.PeriodTime),
        _ => TimeControl.Fischer(control.MainTime, control.Increment, control.Cap),
    };
}
