namespace Igo.Web.Games;

/// <summary>
/// Timed games and fair endings under <c>Igo:Clocks</c>: the lag allowance (docs/decisions/0009-lag-allowance.md), the
/// timeout sweep, and the grace periods before a game an opponent abandoned may be claimed.
/// </summary>
public sealed class ClockOptions
{
    public const string Section = "Igo:Clocks";

    /// <summary>
    /// The most a move's thinking time is reduced for the connection's lag: the time between the server delivering the
    /// position and receiving the move, less this. The timeout sweep waits this long past a deadline, so a move sent in
    /// time over a slow connection is never beaten by the sweep. 0 to 5 s.
    /// </summary>
    public TimeSpan LagAllowance { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How often every instance looks for games whose flag has fallen. 50 ms to 1 min. A quarter of a second puts the
    /// result on both pages within a second of the flag (one lag allowance plus at most one interval), for one indexed
    /// read per instance each time (docs/BENCHMARKS.md, "Timed games").
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The most games one sweep times out; the rest wait for the next sweep. 1 to 1000.</summary>
    public int SweepBatch { get; set; } = 50;

    /// <summary>
    /// How long the opponent of a timed game must have been away (no page, socket or computer holding their key, on
    /// any instance) before the player may claim the game as a forfeit. 1 s to 1 day.
    /// </summary>
    public TimeSpan AwayGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The same for an untimed game, where a player may well be gone a while and come back. 1 s to 1 day.</summary>
    public TimeSpan AwayGraceUntimed { get; set; } = TimeSpan.FromMinutes(5);
}
