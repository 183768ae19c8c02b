using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>
/// The server's side of the clock (docs/decisions/0009-lag-allowance.md): the thinking time an action is charged, from
/// when it was received, and whether a running clock is overdue for a timeout.
/// </summary>
internal static class ThinkingTime
{
    /// <summary>
    /// The time charged to <paramref name="player"/> for an action received at <paramref name="receivedAt"/>: since their
    /// clock started running, less the lag allowance, never below zero, in whole milliseconds (the log keeps those); null
    /// when their clock does not run.
    /// </summary>
    public static TimeSpan? Of(ClockState clock, Color player, DateTimeOffset receivedAt, TimeSpan allowance)
    {
        if (clock.Running is not { } running || running.Player != player)
        {
            return null;
        }

        var thinking = receivedAt - running.Since - allowance;
        return thinking > TimeSpan.Zero ? TimeSpan.FromMilliseconds(Math.Floor(thinking.TotalMilliseconds)) : TimeSpan.Zero;
    }

    /// <summary>
    /// The player whose flag fell more than the lag allowance before <paramref name="now"/> (no move of theirs can still
    /// be in time), or null.
    /// </summary>
    public static Color? Overdue(ClockState clock, DateTimeOffset now, TimeSpan allowance) =>
        clock.Running is { } running && clock.FlagFallenAt(running.Player, now - allowance) ? running.Player : null;
}
