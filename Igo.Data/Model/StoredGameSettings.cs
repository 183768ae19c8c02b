using Igo.Domain;

namespace Igo.Data.Model;

/// <summary>
/// A game's rules and time control as a row stores them (a game, and a lobby challenge waiting to become one): the
/// ruleset's columns, and the time control as its system with whole milliseconds, zero (or null) where the system has
/// none. One mapping for both tables.
/// </summary>
public interface IStoredGameSettings
{
    KoRule KoRule { get; }

    ScoringRule Scoring { get; }

    double Komi { get; }

    int Handicap { get; }

    TimeSystem TimeSystem { get; set; }

    long MainTimeMs { get; set; }

    long PeriodTimeMs { get; set; }

    int Periods { get; set; }

    int Stones { get; set; }

    long IncrementMs { get; set; }

    long? CapMs { get; set; }
}

/// <summary>Reads and writes <see cref="IStoredGameSettings"/> as the domain's values.</summary>
public static class StoredGameSettings
{
    public static Ruleset ReadRules(this IStoredGameSettings row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Ruleset(row.KoRule, row.Scoring, row.Komi, row.Handicap);
    }

    public static TimeControl ReadTimeControl(this IStoredGameSettings row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.TimeSystem, TimeSpan.FromMilliseconds(row.MainTimeMs), TimeSpan.FromMilliseconds(row.PeriodTimeMs), row.Periods, row.Stones,
            TimeSpan.FromMilliseconds(row.IncrementMs), row.CapMs is { } cap ? TimeSpan.FromMilliseconds(cap) : null);
    }

    public static void WriteTimeControl(this IStoredGameSettings row, TimeControl value)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(value);
        row.TimeSystem = value.System;
        row.MainTimeMs = (long)value.MainTime.TotalMilliseconds;
        row.PeriodTimeMs = (long)value.PeriodTime.TotalMilliseconds;
        row.Periods = value.Periods;
        row.Stones = value.Stones;
        row.IncrementMs = (long)value.Increment.TotalMilliseconds;
        row.CapMs = value.Cap is { } cap ? (long)cap.TotalMilliseconds : null;
    }
}
