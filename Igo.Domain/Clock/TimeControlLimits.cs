namespace Igo.Domain;

/// <summary>Why a <see cref="TimeControl"/> cannot be used. Each UI says it in its own words, with <see cref="TimeControlLimits"/>.</summary>
public enum TimeControlRefusal
{
    /// <summary>The system is not one of <see cref="TimeSystem"/>'s values.</summary>
    UnknownSystem,

    /// <summary>Main time is negative or above <see cref="TimeControlLimits.MaxMainTime"/>, or zero under absolute time.</summary>
    MainTimeOutOfRange,

    /// <summary>A byo-yomi period or Canadian block is shorter than <see cref="TimeControlLimits.MinPeriodTime"/> or longer than <see cref="TimeControlLimits.MaxPeriodTime"/>.</summary>
    PeriodTimeOutOfRange,

    /// <summary>Byo-yomi periods outside <see cref="TimeControlLimits.MinPeriods"/> to <see cref="TimeControlLimits.MaxPeriods"/>.</summary>
    PeriodsOutOfRange,

    /// <summary>Canadian stones per block outside <see cref="TimeControlLimits.MinStones"/> to <see cref="TimeControlLimits.MaxStones"/>.</summary>
    StonesOutOfRange,

    /// <summary>A Fischer increment outside <see cref="TimeControlLimits.MinIncrement"/> to <see cref="TimeControlLimits.MaxIncrement"/>.</summary>
    IncrementOutOfRange,

    /// <summary>A Fischer cap below the main time or the increment, or above <see cref="TimeControlLimits.MaxMainTime"/>.</summary>
    CapOutOfRange,

    /// <summary>A value the system does not use is set (say, periods on a Fischer clock).</summary>
    UnusedSetting,

    /// <summary>A duration has a part of a millisecond: clocks count whole milliseconds, so a replay is exact.</summary>
    FinerThanAMillisecond,
}

/// <summary>The ranges <see cref="TimeControl.Validate"/> accepts, for the forms that offer them and the messages that explain a refusal.</summary>
public static class TimeControlLimits
{
    public static readonly TimeSpan MaxMainTime = TimeSpan.FromHours(24);

    public static readonly TimeSpan MinPeriodTime = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxPeriodTime = TimeSpan.FromHours(1);

    public const int MinPeriods = 1;

    public const int MaxPeriods = 60;

    public const int MinStones = 1;

    public const int MaxStones = 100;

    public static readonly TimeSpan MinIncrement = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxIncrement = TimeSpan.FromHours(1);
}
