using Igo.Domain;

namespace Igo.Computer;

/// <summary>
/// An engine's opinion of a position: which stones are dead, and by how much black leads (negative: white leads) once
/// they are removed and the position is counted under the game's rules, komi included. <see cref="Ownership"/> (row-major,
/// +1 black to -1 white) is there when the judge can say it (playouts); <see cref="JudgedBy"/> names the engine for the UI.
/// </summary>
public sealed record PositionJudgement(IReadOnlyList<Point> DeadStones, double BlackLead, string JudgedBy, IReadOnlyList<double>? Ownership = null)
{
    public Color? Leader => BlackLead > 0 ? Color.Black : BlackLead < 0 ? Color.White : null;

    public bool IsDead(Point point) => DeadStones.Contains(point);

    /// <summary>The lead of <paramref name="color"/> in points.</summary>
    public double LeadOf(Color color) => color == Color.Black ? BlackLead : -BlackLead;
}
