using Igo.Domain;

namespace Igo.Data.Model;

/// <summary>
/// One game: its rules, where it stands, and the shared "time played" clock (docs/PROTOCOL.md §6).
/// <see cref="Status"/> and the result are kept for plain-SQL reading and listing; the action log is the source of truth.
/// </summary>
public sealed class GameRecord
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

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Ruleset Rules => new(KoRule, Scoring, Komi, Handicap);
}
