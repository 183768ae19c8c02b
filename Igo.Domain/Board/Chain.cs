namespace Igo.Domain;

/// <summary>A chain (group) of orthogonally connected stones of one colour, with its liberties (the empty points next to it).</summary>
public sealed record Chain(Color Color, IReadOnlyList<Point> Stones, IReadOnlyList<Point> Liberties);
