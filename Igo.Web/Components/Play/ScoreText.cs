using Igo.Domain;

namespace Igo.Web.Components.Play;

/// <summary>
/// The scoring phase's count in words: each colour's total and what makes it up, and who leads by how much
/// ("Black 23 (21 territory + 2 captures) · White 15.5 (14 territory + 1 capture + 0.5 komi) · Black leads by 7.5").
/// </summary>
public static class ScoreText
{
    /// <summary>One colour's total and its parts: territory and captures (territory rules) or stones and territory (area rules), komi for white.</summary>
    public static string Total(ScoreTally count, Ruleset rules, Color color)
    {
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(rules);
        var parts = rules.Scoring == ScoringRule.Area
            ? new List<string> { Counted(count.Stones[color], "stone"), $"{count.Territory.Territory[color]} territory" }
            : [$"{count.Territory.Territory[color]} territory", Counted(count.Prisoners[color], "capture")];
        if (color == Color.White && rules.Komi != 0)
        {
            parts.Add($"{GameNarrative.Number(rules.Komi)} komi");
        }

        return $"{color.ToTitle()} {GameNarrative.Number(count.Score[color])} ({string.Join(" + ", parts)})";
    }

    /// <summary>Who leads (or, once the game is over, won) and by how much.</summary>
    public static string Margin(ScoreTally count, bool final)
    {
        ArgumentNullException.ThrowIfNull(count);
        var lead = count.Score.Black - count.Score.White;
        if (lead == 0)
        {
            return final ? "A draw" : "Even";
        }

        var leader = lead > 0 ? Color.Black : Color.White;
        return $"{leader.ToTitle()} {(final ? "wins" : "leads")} by {GameNarrative.Number(Math.Abs(lead))}";
    }

    /// <summary>The whole count on one line.</summary>
    public static string Line(ScoreTally count, Ruleset rules, bool final) =>
        $"{Total(count, rules, Color.Black)} · {Total(count, rules, Color.White)} · {Margin(count, final)}";

    private static string Counted(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
