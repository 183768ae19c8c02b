namespace Igo.Web.Games;

/// <summary>Timed games under <c>Igo:Clocks</c>: the lag allowance (docs/decisions/0009-lag-allowance.md) and the timeout sweep.</summary>
public sealed class ClockOptions
{
    public const string Section = "Igo:Clocks";

    /// <summary>
    /// The most a move's thinking time is reduced for the connection's lag: the time between the server delivering the
    /// position and receiving the move, less this. The timeout sweep waits this long past a deadline, so a move sent in
    /// time over a slow connection is never beaten by the sweep. 0 to 5 s.
    /// </summary>
    public TimeSpan LagAllowance { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often every instance looks for games whose flag has fallen. 50 ms to 1 min.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most games one sweep times out; the rest wait for the next sweep. 1 to 1000.</summary>
    public int SweepBatch { get; set; } = 50;
}
