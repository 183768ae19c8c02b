using System.Globalization;
using Igo.Domain;

namespace Igo.Computer.Gtp;

/// <summary>A result as GTP engines write it: "B+3.5", "W+R", "0" (jigo). <see cref="Margin"/> is null for a resignation.</summary>
public sealed record GtpScore(Color? Winner, double? Margin)
{
    /// <summary>Black's lead in points (negative when white leads); null when the margin is unknown.</summary>
    public double? BlackLead => Winner is null ? 0 : Margin is { } margin ? (Winner == Color.Black ? margin : -margin) : null;

    /// <summary>Parses the first word of a score answer (GNU Go's <c>estimate_score</c> adds bounds after it); null when it is not a score.</summary>
    public static GtpScore? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var word = text.Trim().Split([' ', '\n'], 2)[0].ToUpperInvariant();
        if (word == "0")
        {
            return new GtpScore(null, 0);
        }

        if (word.Length < 3 || (word[0] != 'B' && word[0] != 'W') || word[1] != '+')
        {
            return null;
        }

        var winner = word[0] == 'B' ? Color.Black : Color.White;
        var rest = word[2..];
        if (rest is "R" or "RESIGN")
        {
            return new GtpScore(winner, null);
        }

        return double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out var margin) ? new GtpScore(winner, margin) : null;
    }
}
