using Igo.Domain;

namespace Igo.Computer.MonteCarlo;

/// <summary>
/// A node of one thread's search tree: the move that led here (<see cref="Move"/> = row-major index, <see cref="PassMove"/>
/// for a pass) by <see cref="Mover"/>, its results from the mover's side, and its all-moves-as-first (RAVE) results.
/// Only its own thread touches it, so the counters are plain fields.
/// </summary>
internal sealed class MctsNode(int move, Color mover)
{
    public const int PassMove = -1;

    public int Move { get; } = move;

    public Color Mover { get; } = mover;

    public int Visits;

    public double Wins;

    public int RaveVisits;

    public double RaveWins;

    /// <summary>Sum of the playouts' results in points for the mover, to compare moves whose winning rates are equal.</summary>
    public double PointsSum;

    public MctsNode[]? Children;

    public bool IsPass => Move == PassMove;
}
