namespace Igo.Web.Components.Play;

/// <summary>
/// What a ticking display shows (<see cref="TickingText"/>): a clock's value as the server knows it and the moment
/// that value was true, whether it runs, and which way. The browser counts on from it (wwwroot/js/ticking.js).
/// </summary>
public readonly record struct TickReading(TimeSpan Value, DateTimeOffset At, bool Running, bool CountsDown = false)
{
    public TimeSpan ValueAt(DateTimeOffset now)
    {
        if (!Running)
        {
            return Value;
        }

        var passed = now > At ? now - At : TimeSpan.Zero;
        return CountsDown ? (Value > passed ? Value - passed : TimeSpan.Zero) : Value + passed;
    }

    /// <summary>h:mm:ss, or m:ss under an hour. A count-up shows whole seconds passed; a countdown shows 0:00 only once the time is out.</summary>
    public static string Format(TimeSpan value, bool countsDown = false)
    {
        var seconds = Math.Max(0, countsDown ? Math.Ceiling(value.TotalSeconds) : Math.Floor(value.TotalSeconds));
        var total = (long)seconds;
        var (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60);
        return hours > 0 ? $"{hours}:{minutes:00}:{rest:00}" : $"{minutes}:{rest:00}";
    }
}
