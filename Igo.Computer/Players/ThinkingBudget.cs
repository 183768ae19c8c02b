using Igo.Domain;

namespace Igo.Computer.Players;

/// <summary>
/// How long a computer player may think about its move in a timed game, from its clock, so that it never loses on
/// time in a normal game:
/// <list type="bullet">
/// <item>in main time, its share of what is left: main time over the moves it still expects to play (at least
/// <see cref="MinMovesLeft"/>; on a board of N×N a game lasts about 0.7·N² moves), plus, under Fischer, most of the
/// increment it gets back;</item>
/// <item>in byo-yomi, the period; in a Canadian block, the block's time over the stones still to play in it;</item>
/// <item>never more than the time to its flag; and always less a safety margin (<see cref="Margin"/>): the time the
/// decision takes to reach the game, and the clock's own rounding. So a byo-yomi move gets the period less the
/// margin, and keeps the period.</item>
/// </list>
/// Pure: the caller reads the clock at the moment it starts thinking.
/// </summary>
public static class ThinkingBudget
{
    /// <summary>The fewest moves a player is assumed still to have to play in main time: no move gets more than 1/10 of it.</summary>
    public const int MinMovesLeft = 10;

    /// <summary>The least thinking time given, however short the clock (a move still needs a moment).</summary>
    public static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The time kept back from a limit (the flag, a byo-yomi period, a move's share): a quarter of it, at most one
    /// second (a 1 s byo-yomi period leaves 0.75 s to think, a 30 s period 29 s).
    /// </summary>
    public static TimeSpan Margin(TimeSpan limit) => limit / 4 < TimeSpan.FromSeconds(1) ? limit / 4 : TimeSpan.FromSeconds(1);

    /// <summary>
    /// The thinking time for <paramref name="player"/>'s move at <paramref name="now"/> in a game of
    /// <paramref name="size"/>×<paramref name="size"/> at move <paramref name="moveNumber"/>; null when the game is
    /// untimed (think as the player's level says).
    /// </summary>
    public static TimeSpan? For(ClockState clock, Color player, DateTimeOffset now, int size, int moveNumber)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var reading = clock.Read(player, now);
        if (reading.TimeToFlag is not { } toFlag)
        {
            return null;
        }

        var control = clock.Control;
        var share = control.System switch
        {
            TimeSystem.ByoYomi when reading.InOvertime => reading.OvertimeLeft,
            TimeSystem.Canadian when reading.InOvertime => reading.OvertimeLeft / Math.Max(1, reading.StonesLeft),
            TimeSystem.ByoYomi => Larger(reading.MainLeft / MovesLeft(size, moveNumber), control.PeriodTime),
            TimeSystem.Canadian => Larger(reading.MainLeft / MovesLeft(size, moveNumber), control.PeriodTime / Math.Max(1, control.Stones)),
            TimeSystem.Fischer => (reading.MainLeft / MovesLeft(size, moveNumber)) + (control.Increment * 0.8),
            _ => reading.MainLeft / MovesLeft(size, moveNumber),
        };
        var limit = share < toFlag ? share : toFlag;
        var budget = limit - Margin(limit);
        return budget > Floor ? budget : Floor;
    }

    /// <summary>The moves <paramref name="moveNumber"/> moves into a game one player may still expect to play.</summary>
    public static int MovesLeft(int size, int moveNumber) => Math.Max(MinMovesLeft, (int)((0.7 * size * size) - moveNumber) / 2);

    private static TimeSpan Larger(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
