using Igo.Domain;

namespace Igo.Data.Model;

/// <summary>
/// One game: its rules and time control, where it stands, the shared "time played" clock (docs/PROTOCOL.md §6) and
/// the running clock's deadline.
/// <see cref="Status"/> and the result are kept for plain-SQL reading and listing; the action log is the source of truth.
/// </summary>
public sealed class GameRecord : IStoredGameSettings
{
    public long Id { get; set; }

    public int Size { get; set; }

    public KoRule KoRule { get; set; }

    public ScoringRule Scoring { get; set; }

    public double Komi { get; set; }

    public int Handicap { get; set; }

    public GameStatus Status { get; set; }

    public ResultType? ResultType { get; set; }

    public Color? Winner { get; set; }

    /// <summary>Number of accepted actions; a commit succeeds only where the stored version is one less than the new one.</summary>
    public int Version { get; set; }

    public double TimePlayedSeconds { get; set; }

    /// <summary>Set while at least one player is connected; null when nobody is.</summary>
    public DateTimeOffset? ClockRunningSince { get; set; }

    /// <summary>The time control's system; the durations below are whole milliseconds, zero (or null) where the system has none.</summary>
    public TimeSystem TimeSystem { get; set; }

    public long MainTimeMs { get; set; }

    /// <summary>A byo-yomi period or a Canadian block.</summary>
    public long PeriodTimeMs { get; set; }

    public int Periods { get; set; }

    public int Stones { get; set; }

    public long IncrementMs { get; set; }

    public long? CapMs { get; set; }

    /// <summary>
    /// When the running clock's flag falls, as the last commit left the game; null when no clock runs (untimed, before
    /// both first moves, the endgame, over). Every instance sweeps for passed deadlines.
    /// </summary>
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>The id of the game's watch link (<see cref="WatchIds"/>): unique, and unrelated to the player keys.</summary>
    public string WatchId { get; set; } = string.Empty;

    /// <summary>Public (listed in the lobby) or unlisted (watchable by its link only).</summary>
    public bool Listed { get; set; }

    /// <summary>
    /// The game this one is the rematch of. Unique: a game has at most one rematch, however many presses race for it.
    /// </summary>
    public long? RematchOf { get; set; }

    /// <summary>The player offering a rematch of this finished game, while the offer stands.</summary>
    public Color? RematchOfferedBy { get; set; }

    /// <summary>The player whose rematch offer was last declined, and when: they may not offer again for a while.</summary>
    public Color? RematchDeclined { get; set; }

    public DateTimeOffset? RematchDeclinedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Ruleset Rules => this.ReadRules();

    public TimeControl TimeControl
    {
        get => this.ReadTimeControl();
        set => this.WriteTimeControl(value);
    }
}
