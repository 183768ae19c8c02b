using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Igo.Domain;

/// <summary>
/// Time in SGF. Game info: TM is the main time in seconds; OT names the overtime: "3x30 byo-yomi" (3 periods of
/// 30 s), "25/300 Canadian" (25 stones in 300 s), "10 fischer" (10 s added per move) or "10 fischer max 600" (capped at
/// 600 s); absolute time has TM alone. Reading also takes "60 simple" (60 s a move, nothing banked: one byo-yomi
/// period). Per move: BL/WL is the time left after the move (main time, or in overtime the time left in the current
/// period or block); OB/OW, written only in overtime, the byo-yomi periods or Canadian stones left.
/// </summary>
internal static partial class SgfTime
{
    // Beyond any limit a control accepts, and far from TimeSpan's overflow.
    private const double MaxSeconds = 1e9;

    public static void AppendControl(StringBuilder sgf, TimeControl? control)
    {
        if (control is not { IsTimed: true })
        {
            return;
        }

        sgf.Append("TM[").Append(Seconds(control.MainTime)).Append(']');
        var overtime = control.System switch
        {
            TimeSystem.ByoYomi => $"{control.Periods}x{Seconds(control.PeriodTime)} byo-yomi",
            TimeSystem.Canadian => $"{control.Stones}/{Seconds(control.PeriodTime)} Canadian",
            TimeSystem.Fischer when control.Cap is { } cap => $"{Seconds(control.Increment)} fischer max {Seconds(cap)}",
            TimeSystem.Fischer => $"{Seconds(control.Increment)} fischer",
            _ => null,
        };
        if (overtime is not null)
        {
            sgf.Append("OT[").Append(overtime).Append(']');
        }
    }

    /// <summary>
    /// The time control TM and OT describe; null when the file has none, when its overtime is not one Igo knows, or
    /// when its values are outside what Igo accepts (<see cref="TimeControl.Validate"/>). A TM that is not a number of
    /// seconds is an error.
    /// </summary>
    public static TimeControl? ReadControl(string? tm, string? ot)
    {
        var main = tm is null ? TimeSpan.Zero : ReadSeconds(tm) ?? throw new SgfFormatException($"The time limit TM[{tm}] is not a number of seconds.");
        var control = ot is null
            ? (main > TimeSpan.Zero ? TimeControl.Absolute(main) : null)
            : ReadOvertime(ot.Trim(), main);
        return control?.Validate() is null ? control : null;
    }

    public static void AppendMoveClock(StringBuilder sgf, Color player, TimeControl control, ClockReading? reading)
    {
        if (reading is not { IsTimed: true })
        {
            return;
        }

        var letter = player == Color.Black ? 'B' : 'W';
        sgf.Append(letter).Append("L[").Append(Seconds(reading.InOvertime ? reading.OvertimeLeft : reading.MainLeft)).Append(']');
        if (reading.InOvertime)
        {
            var count = control.System == TimeSystem.Canadian ? reading.StonesLeft : reading.PeriodsLeft;
            sgf.Append('O').Append(letter).Append('[').Append(count.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
    }

    /// <summary>
    /// The clock reading a move node records (BL/OB or WL/OW), as <see cref="AppendMoveClock"/> writes it; null when the
    /// node has no time left or the game has no time control. A time left longer than one period or block can only be
    /// main time, whatever the count says (some programs write the count in main time too).
    /// </summary>
    public static ClockReading? ReadMoveClock(SgfNode node, Color player, TimeControl? control, int moveNumber)
    {
        var letter = player == Color.Black ? 'B' : 'W';
        if (control is not { IsTimed: true } || node.Single($"{letter}L") is not { } leftText)
        {
            return null;
        }

        var left = ReadSeconds(leftText) ?? throw new SgfFormatException($"Move {moveNumber}'s time left {letter}L[{leftText}] is not a number of seconds.");
        int? count = null;
        if (node.Single($"O{letter}") is { } countText)
        {
            count = int.TryParse(countText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new SgfFormatException($"Move {moveNumber}'s overtime count O{letter}[{countText}] is not a whole number.");
        }

        var inOvertime = count is not null && left <= control.PeriodTime;
        return control.System switch
        {
            TimeSystem.ByoYomi when inOvertime && count > 0 => ClockReading.ByoYomiOvertime(control, left, count!.Value),
            TimeSystem.ByoYomi when inOvertime => ClockReading.Expired,
            TimeSystem.ByoYomi => new ClockReading(left, control.PeriodTime, control.Periods, 0, false, false, left + PlayerClock.Times(control.PeriodTime, control.Periods)),
            TimeSystem.Canadian when inOvertime => ClockReading.CanadianOvertime(left, count!.Value),
            TimeSystem.Canadian => new ClockReading(left, control.PeriodTime, 0, control.Stones, false, false, left + control.PeriodTime),
            _ => new ClockReading(left, TimeSpan.Zero, 0, 0, false, true, left),
        };
    }

    private static TimeControl? ReadOvertime(string ot, TimeSpan main)
    {
        if (ByoYomiForm().Match(ot) is { Success: true } byoYomi)
        {
            return Whole(byoYomi.Groups[1].Value) is { } periods && ReadSeconds(byoYomi.Groups[2].Value) is { } period
                ? TimeControl.ByoYomi(main, periods, period)
                : null;
        }

        if (CanadianForm().Match(ot) is { Success: true } canadian)
        {
            return Whole(canadian.Groups[1].Value) is { } stones && ReadSeconds(canadian.Groups[2].Value) is { } block
                ? TimeControl.Canadian(main, stones, block)
                : null;
        }

        if (FischerForm().Match(ot) is { Success: true } fischer)
        {
            var cap = fischer.Groups[2].Success ? ReadSeconds(fischer.Groups[2].Value) : null;
            return ReadSeconds(fischer.Groups[1].Value) is { } increment ? TimeControl.Fischer(main, increment, cap) : null;
        }

        return SimpleForm().Match(ot) is { Success: true } simple && ReadSeconds(simple.Groups[1].Value) is { } perMove
            ? TimeControl.ByoYomi(main, 1, perMove)
            : null;
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    // Whole milliseconds, so a time written by Igo reads back exactly.
    private static TimeSpan? ReadSeconds(string text) =>
        double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxSeconds
            ? TimeSpan.FromMilliseconds(Math.Round(seconds * 1000))
            : null;

    private static int? Whole(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    [GeneratedRegex(@"^([0-9]+)\s*x\s*([0-9]+(?:\.[0-9]+)?)\s*(?:s\s*)?byo[- ]?yomi$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByoYomiForm();

    [GeneratedRegex(@"^([0-9]+)\s*/\s*([0-9]+(?:\.[0-9]+)?)\s*(?:s\s*)?canadian$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CanadianForm();

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*(?:s\s*)?fischer(?:\s*,?\s*(?:max|cap)\s*([0-9]+(?:\.[0-9]+)?))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FischerForm();

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*(?:s\s*)?simple$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SimpleForm();
}
