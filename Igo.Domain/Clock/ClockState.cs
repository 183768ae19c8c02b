namespace Igo.Domain;

/// <summary>
/// The clock that runs now: <see cref="Player"/>'s, since <see cref="Since"/>, with <see cref="SpentBefore"/> of this
/// turn already used before it (their clock was stopped by a request of their own and started again).
/// </summary>
public sealed record RunningClock(Color Player, DateTimeOffset Since, TimeSpan SpentBefore)
{
    /// <summary>How much of the turn is used at <paramref name="at"/> (never below <see cref="SpentBefore"/>).</summary>
    public TimeSpan ElapsedAt(DateTimeOffset at) => at > Since ? SpentBefore + (at - Since) : SpentBefore;
}

/// <summary>A turn stopped while the opponent answers the player's own request: <see cref="Spent"/> is used and carries on when it resumes.</summary>
public sealed record PausedTurn(Color Player, TimeSpan Spent);

/// <summary>
/// A game's clocks as the rules keep them: both players' clocks after the last charge, whose clock runs and since
/// when, and a turn paused by a request. Pure data: the reading at a moment is worked out from the moment given.
/// </summary>
/// <remarks>
/// A clock runs for the player the game waits on, once both players have made their first move (a creator waiting
/// for an opponent loses no time): in play the player to move; while a draw or undo request made in play is open, the
/// player who must answer it. No clock runs in the endgame (marking dead stones, counting) nor once the game is over.
/// </remarks>
public sealed record ClockState
{
    internal ClockState(GameClock clock, RunningClock? running, PausedTurn? paused, PerColor<bool> moved)
    {
        Clock = clock;
        Running = running;
        Paused = paused;
        Moved = moved;
    }

    /// <summary>An untimed game's clocks: nothing runs, ever.</summary>
    public static ClockState Untimed { get; } = Start(TimeControl.None);

    public TimeControl Control => Clock.Control;

    public bool IsTimed => Control.IsTimed;

    /// <summary>Both players' clocks as they stood when the turn now running started (see <see cref="Read"/> for now).</summary>
    public GameClock Clock { get; }

    /// <summary>Whose clock runs, since when; null when none does.</summary>
    public RunningClock? Running { get; }

    /// <summary>The turn stopped by its player's own pending request, if any.</summary>
    public PausedTurn? Paused { get; }

    /// <summary>The moment the running clock's flag falls; null when no clock runs.</summary>
    public DateTimeOffset? Deadline => Running is { } running && Clock.TimeToFlag(running.Player) is { } toFlag
        ? running.Since + toFlag - running.SpentBefore
        : null;

    /// <summary>Which colours have made a move at least once (the clocks start once both have).</summary>
    internal PerColor<bool> Moved { get; }

    /// <summary>What <paramref name="player"/>'s clock shows at <paramref name="now"/>.</summary>
    public ClockReading Read(Color player, DateTimeOffset now) => Clock.Read(player, SpentAt(player, now));

    /// <summary>Whether <paramref name="player"/>'s flag has fallen by <paramref name="at"/>.</summary>
    public bool FlagFallenAt(Color player, DateTimeOffset at) =>
        Clock.FlagFell == player || (Running?.Player == player && Clock.TimeToFlag(player) is { } toFlag && Running.ElapsedAt(at) >= toFlag);

    internal static ClockState Start(TimeControl control) => new(GameClock.Start(control), null, null, default);

    private TimeSpan SpentAt(Color player, DateTimeOffset now) =>
        Running?.Player == player ? Running.ElapsedAt(now)
        : Paused?.Player == player ? Paused.Spent
        : TimeSpan.Zero;
}
