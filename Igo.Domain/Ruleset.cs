namespace Igo.Domain;

public enum KoRule
{
    /// <summary>A placement may not recreate the board as it was before the most recent placement (docs/PROTOCOL.md §5.2).</summary>
    Simple,

    /// <summary>A placement may not recreate any earlier board position.</summary>
    PositionalSuperko,

    /// <summary>A placement may not recreate an earlier position with the same player to move.</summary>
    SituationalSuperko,
}

public enum ScoringRule
{
    /// <summary>Japanese: territory plus prisoners, komi to white.</summary>
    Territory,

    /// <summary>Chinese: stones on the board plus territory, komi to white.</summary>
    Area,
}

/// <summary>The rules a game is played under. Rules are data, not branches spread through the code.</summary>
public sealed record Ruleset(KoRule Ko, ScoringRule Scoring, double Komi, int Handicap = 0)
{
    public const double DefaultKomi = 6.5;

    /// <summary>What igo-frontend players expect: simple ko, territory scoring, no handicap.</summary>
    public static Ruleset Japanese(double komi = DefaultKomi) => new(KoRule.Simple, ScoringRule.Territory, komi);

    public static Ruleset Chinese(double komi = 7.5) => new(KoRule.PositionalSuperko, ScoringRule.Area, komi);
}
