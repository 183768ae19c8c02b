namespace Igo.Domain;

/// <summary>The ways a game can be timed. The numeric values are stable: they may be stored.</summary>
public enum TimeSystem
{
    /// <summary>Untimed: nobody can lose on time.</summary>
    None = 0,

    /// <summary>Sudden death: one amount of time for the whole game.</summary>
    Absolute = 1,

    /// <summary>Japanese byo-yomi: main time, then a number of periods; a move inside a period keeps it.</summary>
    ByoYomi = 2,

    /// <summary>Canadian overtime: main time, then blocks in which a number of stones must be played.</summary>
    Canadian = 3,

    /// <summary>Fischer: main time, and an increment added after every move in time, up to an optional cap.</summary>
    Fischer = 4,
}

/// <summary>
/// How a game is timed, as a value. Build one with the factories (<see cref="None"/>, <see cref="Absolute"/>,
/// <see cref="ByoYomi"/>, <see cref="Canadian"/>, <see cref="Fischer"/>) and check it with <see cref="Validate"/>
/// before a game uses it. A value the system does not use is zero (or null for the cap), so two equal controls are
/// one and the same time control.
/// </summary>
/// <param name="System">Which time system.</param>
/// <param name="MainTime">The time each player has before any overtime (byo-yomi, Canadian) or in all (absolute, Fischer).</param>
/// <param name="PeriodTime">The length of one byo-yomi period, or of one Canadian block.</param>
/// <param name="Periods">Byo-yomi: the number of periods.</param>
/// <param name="Stones">Canadian: the stones to play in each block.</param>
/// <param name="Increment">Fischer: the time added after each move played in time.</param>
/// <param name="Cap">Fischer: the most a player's clock may hold after an increment; null for no cap.</param>
public sealed record TimeControl(
    TimeSystem System,
    TimeSpan MainTime,
    TimeSpan PeriodTime,
    int Periods,
    int Stones,
    TimeSpan Increment,
    TimeSpan? Cap)
{
    /// <summary>An untimed game.</summary>
    public static TimeControl None { get; } = new(TimeSystem.None, TimeSpan.Zero, TimeSpan.Zero, 0, 0, TimeSpan.Zero, null);

    public bool IsTimed => System != TimeSystem.None;

    public static TimeControl Absolute(TimeSpan mainTime) => None with { System = TimeSystem.Absolute, MainTime = mainTime };

    /// <summary>Main time, then <paramref name="periods"/> periods of <paramref name="periodTime"/> each.</summary>
    public static TimeControl ByoYomi(TimeSpan mainTime, int periods, TimeSpan periodTime) =>
        None with { System = TimeSystem.ByoYomi, MainTime = mainTime, Periods = periods, PeriodTime = periodTime };

    /// <summary>Main time, then blocks of <paramref name="stones"/> stones to play in <paramref name="blockTime"/>.</summary>
    public static TimeControl Canadian(TimeSpan mainTime, int stones, TimeSpan blockTime) =>
        None with { System = TimeSystem.Canadian, MainTime = mainTime, Stones = stones, PeriodTime = blockTime };

    /// <summary>Main time plus <paramref name="increment"/> after each move, never above <paramref name="cap"/> when given.</summary>
    public static TimeControl Fischer(TimeSpan mainTime, TimeSpan increment, TimeSpan? cap = null) =>
        None with { System = TimeSystem.Fischer, MainTime = mainTime, Increment = increment, Cap = cap };

    /// <summary>Null when a game may be played under this control; otherwise the first value out of range.</summary>
    public TimeControlRefusal? Validate() => TimeControlValidation.Check(this);
}
