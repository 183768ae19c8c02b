namespace Igo.Domain;

/// <summary>
/// Both players' clocks under one <see cref="TimeControl"/>: a pure value that is told how long each move took and
/// never reads a clock itself. A game's clocks are rebuilt exactly by starting from <see cref="Start"/> and charging
/// the thinking time recorded with each move, in order. The caller decides what counts as thinking time: while the
/// game is stopped (scoring) it charges nothing.
/// </summary>
public sealed record GameClock
{
    private GameClock(TimeControl control, PlayerClock black, PlayerClock white, Color? flagFell)
    {
        Control = control;
        Black = black;
        White = white;
        FlagFell = flagFell;
    }

    public TimeControl Control { get; }

    public PlayerClock Black { get; }

    public PlayerClock White { get; }

    /// <summary>The player who ran out of time, or null. Once set, the clock takes no more charges.</summary>
    public Color? FlagFell { get; }

    public PlayerClock this[Color player] => player == Color.Black ? Black : White;

    /// <summary>Both players with the control's full time. The control must be valid (<see cref="TimeControl.Validate"/>).</summary>
    public static GameClock Start(TimeControl control)
    {
        ArgumentNullException.ThrowIfNull(control);
        if (control.Validate() is { } refusal)
        {
            throw new ArgumentException($"The time control is not valid: {refusal}.", nameof(control));
        }

        var start = PlayerClock.Start(control);
        return new GameClock(control, start, start, null);
    }

    /// <summary>
    /// The clock after <paramref name="player"/> made a move that took <paramref name="thinking"/>; the opponent's clock
    /// is untouched. When the move took all the player's time or more, the returned clock has <see cref="FlagFell"/>
    /// set to the player and their clock empty: the move is lost on time. A negative time (clocks of two servers
    /// disagreeing) counts as zero.
    /// </summary>
    public GameClock Charge(Color player, TimeSpan thinking) => After(player, (clock, control) => clock.Charge(control, NotNegative(thinking)));

    /// <summary>
    /// The clock after <paramref name="player"/> spent <paramref name="time"/> without making a move (answering a request
    /// while their clock ran): as <see cref="Charge"/>, but Fischer adds no increment and Canadian counts no stone.
    /// </summary>
    public GameClock Spend(Color player, TimeSpan time) => After(player, (clock, control) => clock.Spend(control, NotNegative(time)));

    /// <summary>
    /// What <paramref name="player"/>'s clock shows <paramref name="elapsed"/> into their turn; pass zero for the player
    /// who is not to move. Nothing shown is ever negative.
    /// </summary>
    public ClockReading Read(Color player, TimeSpan elapsed) =>
        FlagFell == player ? ClockReading.Expired : this[player].Read(Control, NotNegative(elapsed));

    /// <summary>
    /// How long after the start of <paramref name="player"/>'s turn their flag falls; null when the game is untimed. A
    /// move charged with this much or more is out of time.
    /// </summary>
    public TimeSpan? TimeToFlag(Color player) => Read(player, TimeSpan.Zero).TimeToFlag;

    /// <summary>The moment <paramref name="player"/>'s flag falls if their turn started at <paramref name="turnStartedAt"/>; null when untimed.</summary>
    public DateTimeOffset? Deadline(Color player, DateTimeOffset turnStartedAt) => turnStartedAt + TimeToFlag(player);

    /// <summary>The clock with <paramref name="player"/>'s changed by <paramref name="change"/>; null from it means their flag fell.</summary>
    private GameClock After(Color player, Func<PlayerClock, TimeControl, PlayerClock?> change)
    {
        if (FlagFell is { } fallen)
        {
            throw new InvalidOperationException($"{fallen.ToTitle()}'s flag has fallen: the clock takes no more moves.");
        }

        return change(this[player], Control) is { } after
            ? With(player, after, flagFell: null)
            : With(player, PlayerClock.Empty, flagFell: player);
    }

    private static TimeSpan NotNegative(TimeSpan span) => span > TimeSpan.Zero ? span : TimeSpan.Zero;

    private GameClock With(Color player, PlayerClock clock, Color? flagFell) => player == Color.Black
        ? new GameClock(Control, clock, White, flagFell)
        : new GameClock(Control, Black, clock, flagFell);
}
