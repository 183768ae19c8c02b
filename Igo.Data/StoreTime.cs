namespace Igo.Data;

/// <summary>Server times as the store keeps them: PostgreSQL's timestamptz holds microseconds, so finer ticks are dropped
/// before a time is used at all, and a game rebuilt from the store equals the one kept in memory.</summary>
public static class StoreTime
{
    public static DateTimeOffset Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Truncate(time.GetUtcNow());
    }

    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
}
