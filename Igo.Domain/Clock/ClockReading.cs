namespace Igo.Domain;

/// <summary>
/// What a player's clock shows at one moment: the values a UI displays and SGF records. Values a system does not use
/// are zero.
/// </summary>
/// <param name="MainLeft">Main time left (absolute and Fischer: all the time left).</param>
/// <param name="OvertimeLeft">
/// Byo-yomi: time left in the current period; Canadian: time left in the current block. Before overtime, the length of
/// the period or block that will follow main time.
/// </param>
/// <param name="PeriodsLeft">Byo-yomi: periods left, counting the current one.</param>
/// <param name="StonesLeft">Canadian: stones still to play in the current (or first) block, counting the move being thought about.</param>
/// <param name="InOvertime">Main time is spent and the player is in byo-yomi periods or a Canadian block.</param>
/// <param name="SuddenDeath">The countdown shown is the last: when it reaches zero the flag falls (absolute, Fischer, the last byo-yomi period, a Canadian block).</param>
/// <param name="TimeToFlag">How long until the flag falls if the player does not move; null when the game is untimed, zero once it has fallen.</param>
public sealed record ClockReading(
    TimeSpan MainLeft,
    TimeSpan OvertimeLeft,
    int PeriodsLeft,
    int StonesLeft,
    bool InOvertime,
    bool SuddenDeath,
    TimeSpan? TimeToFlag)
{
    internal static ClockReading Untimed { get; } = new(TimeSpan.Zero, TimeSpan.Zero, 0, 0, false, false, null);

    internal static ClockReading Expired { get; } = new(TimeSpan.Zero, TimeSpan.Zero, 0, 0, false, true, TimeSpan.Zero);

    public bool IsTimed => TimeToFlag is not null;

    public bool FlagFell => TimeToFlag == TimeSpan.Zero;

    internal static ClockReading ByoYomiOvertime(TimeControl control, TimeSpan periodLeft, int periodsLeft) =>
        new(TimeSpan.Zero, periodLeft, periodsLeft, 0, InOvertime: true, SuddenDeath: periodsLeft == 1, periodLeft + PlayerClock.Times(control.PeriodTime, periodsLeft - 1));

    internal static ClockReading CanadianOvertime(TimeSpan blockLeft, int stonesLeft) =>
        new(TimeSpan.Zero, blockLeft, 0, stonesLeft, InOvertime: true, SuddenDeath: true, blockLeft);
}
