using Igo.Domain;
using static Igo.Tests.Domain.ClockScript;

namespace Igo.Tests.Domain;

/// <summary>The time control as a value: what its factories make and the ranges <see cref="TimeControl.Validate"/> accepts.</summary>
[Trait("Category", "Domain")]
public sealed class TimeControlTests
{
    [Fact]
    public void The_factories_set_only_what_their_system_uses()
    {
        Assert.Equal(new TimeControl(TimeSystem.ByoYomi, Min(10), S(30), 3, 0, TimeSpan.Zero, null), TimeControl.ByoYomi(Min(10), 3, S(30)));
        Assert.Equal(new TimeControl(TimeSystem.Canadian, Min(10), Min(5), 0, 25, TimeSpan.Zero, null), TimeControl.Canadian(Min(10), 25, Min(5)));
        Assert.Equal(new TimeControl(TimeSystem.Fischer, Min(5), TimeSpan.Zero, 0, 0, S(10), Min(10)), TimeControl.Fischer(Min(5), S(10), Min(10)));
        Assert.Equal(new TimeControl(TimeSystem.Absolute, Min(5), TimeSpan.Zero, 0, 0, TimeSpan.Zero, null), TimeControl.Absolute(Min(5)));
        Assert.False(TimeControl.None.IsTimed);
        Assert.True(TimeControl.Absolute(Min(5)).IsTimed);
    }

    public static TheoryData<TimeControl> Valid() =>
    [
        TimeControl.None,
        TimeControl.Absolute(Ms(1)),
        TimeControl.Absolute(TimeSpan.FromHours(24)),
        TimeControl.ByoYomi(TimeSpan.Zero, 1, S(1)),
        TimeControl.ByoYomi(TimeSpan.FromHours(24), 60, TimeSpan.FromHours(1)),
        TimeControl.Canadian(TimeSpan.Zero, 1, S(1)),
        TimeControl.Canadian(Min(10), 100, TimeSpan.FromHours(1)),
        TimeControl.Fischer(TimeSpan.Zero, S(1)),
        TimeControl.Fischer(Min(5), TimeSpan.FromHours(1)),
        TimeControl.Fischer(Min(5), S(10), Min(5)),
        TimeControl.Fischer(S(10), S(10), S(10)),
        TimeControl.Fischer(Min(5), S(10), TimeSpan.FromHours(24)),
    ];

    [Theory]
    [MemberData(nameof(Valid))]
    public void Controls_within_the_limits_are_valid(TimeControl control) => Assert.Null(control.Validate());

    public static TheoryData<TimeControl, TimeControlRefusal> Invalid() => new()
    {
        { TimeControl.Absolute(TimeSpan.Zero), TimeControlRefusal.MainTimeOutOfRange },
        { TimeControl.Absolute(TimeSpan.FromHours(24) + Ms(1)), TimeControlRefusal.MainTimeOutOfRange },
        { TimeControl.ByoYomi(Ms(-1), 3, S(30)), TimeControlRefusal.MainTimeOutOfRange },
        { TimeControl.Canadian(TimeSpan.FromHours(25), 25, Min(5)), TimeControlRefusal.MainTimeOutOfRange },
        { TimeControl.ByoYomi(Min(10), 0, S(30)), TimeControlRefusal.PeriodsOutOfRange },
        { TimeControl.ByoYomi(Min(10), 61, S(30)), TimeControlRefusal.PeriodsOutOfRange },
        { TimeControl.ByoYomi(Min(10), 3, Ms(999)), TimeControlRefusal.PeriodTimeOutOfRange },
        { TimeControl.ByoYomi(Min(10), 3, TimeSpan.FromHours(1) + Ms(1)), TimeControlRefusal.PeriodTimeOutOfRange },
        { TimeControl.Canadian(Min(10), 0, Min(5)), TimeControlRefusal.StonesOutOfRange },
        { TimeControl.Canadian(Min(10), 101, Min(5)), TimeControlRefusal.StonesOutOfRange },
        { TimeControl.Canadian(Min(10), 25, TimeSpan.Zero), TimeControlRefusal.PeriodTimeOutOfRange },
        { TimeControl.Fischer(Min(5), TimeSpan.Zero), TimeControlRefusal.IncrementOutOfRange },
        { TimeControl.Fischer(Min(5), TimeSpan.FromHours(1) + Ms(1)), TimeControlRefusal.IncrementOutOfRange },
        { TimeControl.Fischer(Min(5), S(10), Min(5) - Ms(1)), TimeControlRefusal.CapOutOfRange },
        { TimeControl.Fischer(TimeSpan.Zero, S(10), S(5)), TimeControlRefusal.CapOutOfRange },
        { TimeControl.Fischer(Min(5), S(10), TimeSpan.FromHours(24) + Ms(1)), TimeControlRefusal.CapOutOfRange },
        { TimeControl.Absolute(Min(5)) with { Periods = 3 }, TimeControlRefusal.UnusedSetting },
        { TimeControl.Fischer(Min(5), S(10)) with { PeriodTime = S(30) }, TimeControlRefusal.UnusedSetting },
        { TimeControl.ByoYomi(Min(5), 3, S(30)) with { Cap = Min(5) }, TimeControlRefusal.UnusedSetting },
        { TimeControl.None with { MainTime = Min(5) }, TimeControlRefusal.UnusedSetting },
        { TimeControl.None with { System = (TimeSystem)9 }, TimeControlRefusal.UnknownSystem },
        { TimeControl.Absolute(Min(5) + TimeSpan.FromTicks(1)), TimeControlRefusal.FinerThanAMillisecond },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Controls_out_of_range_are_refused_with_the_reason(TimeControl control, TimeControlRefusal refusal) =>
        Assert.Equal(refusal, control.Validate());
}
