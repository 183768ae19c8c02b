using System.Globalization;
using Igo.Domain;
using Igo.Web.Components.Play;

namespace Igo.Web.Components.Lobby;

/// <summary>The new-game form's time controls: none, the usual presets, or one of the player's own.</summary>
public enum TimePreset
{
    None,
    Blitz,
    Rapid,
    Live,
    Fischer,
    Custom,
}

/// <summary>
/// The time control the new-game form edits: a preset, or a custom one from its fields, checked by the Domain's own
/// <see cref="TimeControl.Validate"/> and refused in words that say which field to change. Plain properties, so that
/// the form's choices can be remembered as JSON (<see cref="NewGameOptions"/>).
/// </summary>
public sealed class TimeChoice
{
    public static IReadOnlyList<(TimePreset Preset, string Name, TimeControl Control)> Presets { get; } =
    [
        (TimePreset.None, "None", TimeControl.None),
        (TimePreset.Blitz, "Blitz", TimeControl.ByoYomi(TimeSpan.FromMinutes(5), 3, TimeSpan.FromSeconds(10))),
        (TimePreset.Rapid, "Rapid", TimeControl.ByoYomi(TimeSpan.FromMinutes(10), 5, TimeSpan.FromSeconds(30))),
        (TimePreset.Live, "Live", TimeControl.ByoYomi(TimeSpan.FromMinutes(20), 5, TimeSpan.FromSeconds(30))),
        (TimePreset.Fischer, "Fischer", TimeControl.Fischer(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5))),
    ];

    public TimePreset Preset { get; set; } = TimePreset.None;

    /// <summary>The custom control's system (never <see cref="TimeSystem.None"/>: that is the "None" preset).</summary>
    public TimeSystem System { get; set; } = TimeSystem.ByoYomi;

    /// <summary>Main time as the player writes it: minutes ("10") or minutes and seconds ("0:30", "1:30:00").</summary>
    public string MainTime { get; set; } = "10";

    public int Periods { get; set; } = 5;

    public int PeriodSeconds { get; set; } = 30;

    public int Stones { get; set; } = 25;

    /// <summary>A Canadian block's time, written as <see cref="MainTime"/> is.</summary>
    public string BlockTime { get; set; } = "5";

    public int IncrementSeconds { get; set; } = 5;

    /// <summary>A Fischer cap, written as <see cref="MainTime"/> is; empty for none.</summary>
    public string Cap { get; set; } = string.Empty;

    /// <summary>The control chosen, or why it cannot be used (one sentence naming the field).</summary>
    public (TimeControl? Control, string? Error) Resolve()
    {
        if (Preset != TimePreset.Custom)
        {
            return (Presets.FirstOrDefault(p => p.Preset == Preset).Control ?? TimeControl.None, null);
        }

        if (Duration(MainTime) is not { } main)
        {
            return (null, "Main time: write minutes (10) or minutes and seconds (0:30).");
        }

        TimeControl control;
        switch (System)
        {
            case TimeSystem.Absolute:
                control = TimeControl.Absolute(main);
                break;
            case TimeSystem.ByoYomi:
                control = TimeControl.ByoYomi(main, Periods, TimeSpan.FromSeconds(PeriodSeconds));
                break;
            case TimeSystem.Canadian when Duration(BlockTime) is { } block:
                control = TimeControl.Canadian(main, Stones, block);
                break;
            case TimeSystem.Canadian:
                return (null, "Block time: write minutes (5) or minutes and seconds (4:30).");
            case TimeSystem.Fischer when string.IsNullOrWhiteSpace(Cap):
                control = TimeControl.Fischer(main, TimeSpan.FromSeconds(IncrementSeconds));
                break;
            case TimeSystem.Fischer when Duration(Cap) is { } cap:
                control = TimeControl.Fischer(main, TimeSpan.FromSeconds(IncrementSeconds), cap);
                break;
            case TimeSystem.Fischer:
                return (null, "Cap: leave it empty, or write minutes (10) or minutes and seconds (7:30).");
            default:
                return (null, "Choose a time system.");
        }

        return control.Validate() is { } refusal ? (null, Refused(refusal, control)) : (control, null);
    }

    /// <summary>What the Domain's refusal means on this form.</summary>
    public static string Refused(TimeControlRefusal refusal, TimeControl control)
    {
        ArgumentNullException.ThrowIfNull(control);
        var block = control.System == TimeSystem.Canadian ? "A Canadian block" : "A byo-yomi period";
        return refusal switch
        {
            TimeControlRefusal.MainTimeOutOfRange => control.System == TimeSystem.Absolute
                ? $"Main time must be more than 0 and at most {ClockText.Span(TimeControlLimits.MaxMainTime)}."
                : $"Main time must be 0 to {ClockText.Span(TimeControlLimits.MaxMainTime)}.",
            TimeControlRefusal.PeriodTimeOutOfRange =>
                $"{block} must last {ClockText.Span(TimeControlLimits.MinPeriodTime)} to {ClockText.Span(TimeControlLimits.MaxPeriodTime)}.",
            TimeControlRefusal.PeriodsOutOfRange => string.Create(CultureInfo.InvariantCulture, $"Byo-yomi has {TimeControlLimits.MinPeriods} to {TimeControlLimits.MaxPeriods} periods."),
            TimeControlRefusal.StonesOutOfRange => string.Create(CultureInfo.InvariantCulture, $"A Canadian block has {TimeControlLimits.MinStones} to {TimeControlLimits.MaxStones} stones."),
            TimeControlRefusal.IncrementOutOfRange =>
                $"The increment must be {ClockText.Span(TimeControlLimits.MinIncrement)} to {ClockText.Span(TimeControlLimits.MaxIncrement)}.",
            TimeControlRefusal.CapOutOfRange => $"The cap must be at least the main time and the increment, and at most {ClockText.Span(TimeControlLimits.MaxMainTime)}.",
            _ => "These time settings can't be used. Check each value.",
        };
    }

    /// <summary>"10" is 10 minutes; "0:30" is 30 seconds; "1:30:00" an hour and a half. Null when it is not one of these.</summary>
    public static TimeSpan? Duration(string? text)
    {
        var parts = (text ?? string.Empty).Trim().Split(':');
        var numbers = new List<long>();
        foreach (var part in parts)
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 100_000)
            {
                return null;
            }

            numbers.Add(number);
        }

        return numbers switch
        {
            [var minutes] => TimeSpan.FromMinutes(minutes),
            [var minutes, var seconds] when seconds < 60 => TimeSpan.FromSeconds((minutes * 60) + seconds),
            [var hours, var minutes, var seconds] when minutes < 60 && seconds < 60 => TimeSpan.FromSeconds((hours * 3600) + (minutes * 60) + seconds),
            _ => null,
        };
    }

    /// <summary>Takes the values of a remembered choice that still make sense; the rest keep their defaults.</summary>
    public void Restore(TimeChoice saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        Preset = Enum.IsDefined(saved.Preset) ? saved.Preset : Preset;
        System = Enum.IsDefined(saved.System) && saved.System != TimeSystem.None ? saved.System : System;
        MainTime = saved.MainTime ?? MainTime;
        Periods = saved.Periods;
        PeriodSeconds = saved.PeriodSeconds;
        Stones = saved.Stones;
        BlockTime = saved.BlockTime ?? BlockTime;
        IncrementSeconds = saved.IncrementSeconds;
        Cap = saved.Cap ?? Cap;
    }
}
