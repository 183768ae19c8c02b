using System.Globalization;
using Igo.Domain;

namespace Igo.Web.Components.Play;

/// <summary>What a player's clock shows: the digits, a line that says what they count, and how urgent it is.</summary>
/// <param name="Digits">The countdown that runs now: main time, or the byo-yomi period, or the Canadian block.</param>
/// <param name="Detail">What follows or what the digits are for ("then 3 × 30 s", "byo-yomi, last period").</param>
/// <param name="Low">Little time is left before the flag falls (<see cref="ClockText.LowTime"/>).</param>
/// <param name="Out">The flag has fallen.</param>
public sealed record ClockFace(string Digits, string Detail, bool Low, bool Out)
{
    /// <summary>The face in one line, as a screen reader hears it: "4:32 · then 3 × 30 s".</summary>
    public string Spoken => $"{Digits} · {Detail}";
}

/// <summary>
/// Time controls and clock readings in words that cannot be misread ("then 3 × 30 s", never "0:05+1x30s"). The browser
/// writes the same words as the clock runs (wwwroot/js/clock.js); the two must agree.
/// </summary>
public static class ClockText
{
    /// <summary>The whole control, for the game's information line: "5 min + 3 × 10 s byo-yomi".</summary>
    public static string Control(TimeControl control)
    {
        ArgumentNullException.ThrowIfNull(control);
        return control.System switch
        {
            TimeSystem.Absolute => $"{Span(control.MainTime)} sudden death",
            TimeSystem.ByoYomi => $"{MainPart(control)}{control.Periods} × {Span(control.PeriodTime)} byo-yomi",
            TimeSystem.Canadian => $"{MainPart(control)}{Stones(control.Stones)} in {Span(control.PeriodTime)} (Canadian)",
            TimeSystem.Fischer => $"{Span(control.MainTime)} + {Span(control.Increment)} a move (Fischer){Cap(control)}",
            _ => "untimed",
        };
    }

    /// <summary>Below this much time to the flag a clock warns: 10 s in byo-yomi (its last period), 30 s otherwise.</summary>
    public static TimeSpan LowTime(TimeControl control)
    {
        ArgumentNullException.ThrowIfNull(control);
        return control.System == TimeSystem.ByoYomi ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(30);
    }

    /// <summary>What <paramref name="reading"/> shows under <paramref name="control"/>; null for an untimed game.</summary>
    public static ClockFace? Face(TimeControl control, ClockReading reading)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.TimeToFlag is not { } toFlag)
        {
            return null;
        }

        var low = toFlag < LowTime(control);
        if (reading.FlagFell)
        {
            return new ClockFace("0:00", "out of time", Low: true, Out: true);
        }

        var (digits, detail) = control.System switch
        {
            TimeSystem.ByoYomi when reading.InOvertime => (reading.OvertimeLeft, reading.PeriodsLeft == 1
                ? "byo-yomi, last period"
                : $"byo-yomi, {reading.PeriodsLeft} of {control.Periods} periods left"),
            TimeSystem.ByoYomi => (reading.MainLeft, $"then {reading.PeriodsLeft} × {Span(control.PeriodTime)}"),
            TimeSystem.Canadian when reading.InOvertime => (reading.OvertimeLeft, $"{Stones(reading.StonesLeft)} to play"),
            TimeSystem.Canadian => (reading.MainLeft, $"then {Stones(reading.StonesLeft)} in {Span(reading.OvertimeLeft)}"),
            TimeSystem.Fischer => (reading.MainLeft, $"+{Span(control.Increment)} a move{Cap(control)}"),
            _ => (reading.MainLeft, "sudden death"),
        };
        return new ClockFace(TickReading.Format(digits, countsDown: true), detail, low, Out: false);
    }

    /// <summary>A length as people say it: "30 s", "5 min", "1:30" (m:ss when it has minutes and seconds).</summary>
    public static string Span(TimeSpan span)
    {
        var seconds = (long)Math.Ceiling(span.TotalSeconds);
        return seconds switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds} s"),
            _ when seconds % 3600 == 0 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600} h"),
            _ when seconds % 60 == 0 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60} min"),
            _ => TickReading.Format(TimeSpan.FromSeconds(seconds)),
        };
    }

    private static string MainPart(TimeControl control) => control.MainTime > TimeSpan.Zero ? $"{Span(control.MainTime)} + " : string.Empty;

    private static string Stones(int count) => count == 1 ? "1 stone" : $"{count} stones";

    private static string Cap(TimeControl control) => control.Cap is { } cap ? $", at most {Span(cap)}" : string.Empty;
}
