namespace Igo.Domain;

/// <summary>
/// The RU property. Names other programs know stand for our usual rulesets: Japanese (territory, simple ko), Chinese
/// (area, positional superko), AGA (area, situational superko). Any other combination is written as the name of its
/// scoring with the ko rule in parentheses, e.g. "Japanese (positional superko)", so our own files round-trip exactly.
/// </summary>
internal static class SgfRulesName
{
    public static string Write(Ruleset rules) => (rules.Scoring, rules.Ko) switch
    {
        (ScoringRule.Territory, KoRule.Simple) => "Japanese",
        (ScoringRule.Area, KoRule.PositionalSuperko) => "Chinese",
        (ScoringRule.Area, KoRule.SituationalSuperko) => "AGA",
        (ScoringRule.Territory, var ko) => $"Japanese ({KoName(ko)})",
        (_, var ko) => $"Chinese ({KoName(ko)})",
    };

    /// <summary>The scoring and ko rule a RU value stands for; Japanese when absent or unknown (what igo players expect).</summary>
    public static (ScoringRule Scoring, KoRule Ko) Read(string? name)
    {
        var text = (name ?? string.Empty).Trim().ToUpperInvariant();
        var (scoring, ko) = text switch
        {
            _ when text.StartsWith("CHINESE", StringComparison.Ordinal) || text is "CN" or "GOE" or "ING" || text.Contains("TROMP", StringComparison.Ordinal) =>
                (ScoringRule.Area, KoRule.PositionalSuperko),
            _ when text.StartsWith("AGA", StringComparison.Ordinal) || text is "NZ" || text.StartsWith("NEW ZEALAND", StringComparison.Ordinal) =>
                (ScoringRule.Area, KoRule.SituationalSuperko),
            _ => (ScoringRule.Territory, KoRule.Simple),
        };

        if (text.Contains("(SIMPLE KO)", StringComparison.Ordinal))
        {
            ko = KoRule.Simple;
        }
        else if (text.Contains("(POSITIONAL SUPERKO)", StringComparison.Ordinal))
        {
            ko = KoRule.PositionalSuperko;
        }
        else if (text.Contains("(SITUATIONAL SUPERKO)", StringComparison.Ordinal))
        {
            ko = KoRule.SituationalSuperko;
        }

        return (scoring, ko);
    }

    private static string KoName(KoRule ko) => ko switch
    {
        KoRule.Simple => "simple ko",
        KoRule.PositionalSuperko => "positional superko",
        _ => "situational superko",
    };
}
