using System.Collections.Frozen;

namespace Igo.Domain;

/// <summary>
/// Where the player to move may place a stone, by point row-major (index = row * size + col), and why the rules refuse
/// each empty point they refuse (suicide, ko); <paramref name="Refused"/> is null when they refuse none, as in most positions.
/// </summary>
internal sealed record Placements(bool[] Legal, Dictionary<Point, ActionRefusal>? Refused)
{
    public static Placements None(int size) => new(new bool[size * size], null);

    public IReadOnlyDictionary<Point, ActionRefusal> Refusals =>
        Refused ?? (IReadOnlyDictionary<Point, ActionRefusal>)FrozenDictionary<Point, ActionRefusal>.Empty;

    /// <summary>The point that would retake a ko at once; null when there is none.</summary>
    public Point? KoPoint => Refused?.Values.OfType<ActionRefusal.Ko>().FirstOrDefault(ko => ko.Rule == KoRule.Simple)?.Point;
}
