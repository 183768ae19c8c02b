using System.Globalization;
using System.Text;

namespace Igo.Web.Components.Review;

/// <summary>
/// Where the score graph draws things: move <c>i</c> at <see cref="X"/>, a lead at <see cref="Y"/> (Black's leads up,
/// White's down, the axis scaled to the largest lead and at least ±<see cref="MinimumScale"/> points), and the line
/// through all the leads as an SVG path.
/// </summary>
public sealed class ScoreGraphLayout
{
    public const double Width = 600;
    public const double Height = 180;
    public const double MinimumScale = 5;
    private const double PadX = 6;
    private const double PadY = 10;

    public ScoreGraphLayout(IReadOnlyList<double> leads)
    {
        ArgumentNullException.ThrowIfNull(leads);
        Leads = leads;
        Scale = Math.Max(MinimumScale, Math.Ceiling(leads.Count == 0 ? 0 : leads.Max(Math.Abs)));
    }

    public IReadOnlyList<double> Leads { get; }

    /// <summary>The lead at the top of the graph (and its opposite at the bottom).</summary>
    public double Scale { get; }

    /// <summary>The number of moves (one lead fewer than there are).</summary>
    public int Moves => Math.Max(0, Leads.Count - 1);

    public double Zero => Height / 2;

    /// <summary>The width of one move's column (the graph's click target for it).</summary>
    public double Column => (Width - (2 * PadX)) / Math.Max(1, Moves);

    public double X(int move) => PadX + (move * Column);

    public double Y(double lead) => Zero - (lead / Scale * (Zero - PadY));

    /// <summary>The line through every lead ("M x y L x y ..."), and the same closed along the zero line, for the fills.</summary>
    public (string Line, string Area) Paths()
    {
        var line = new StringBuilder();
        for (var move = 0; move < Leads.Count; move++)
        {
            line.Append(move == 0 ? "M " : " L ").Append(Number(X(move))).Append(' ').Append(Number(Y(Leads[move])));
        }

        var area = Leads.Count == 0 ? string.Empty : $"{line} L {Number(X(Leads.Count - 1))} {Number(Zero)} L {Number(X(0))} {Number(Zero)} Z";
        return (line.ToString(), area);
    }

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"Black leads by 3.5", "White leads by 2", "Even".</summary>
    public static string Lead(double lead)
    {
        var points = Math.Abs(lead).ToString("0.#", CultureInfo.InvariantCulture);
        return lead > 0.05 ? $"Black leads by {points}" : lead < -0.05 ? $"White leads by {points}" : "Even";
    }
}
