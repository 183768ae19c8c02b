namespace Igo.Domain;

/// <summary>A move that cost its player points by the engine's estimate: <see cref="Loss"/> points of lead gone (positive).</summary>
public readonly record struct ScoreSwing(int MoveNumber, Color Player, double Loss);

/// <summary>
/// The moves a review marks on its score graph: for each player, the moves after which their lead fell the most
/// (at most <c>perPlayer</c> each, largest first), as OGS marks its key moves. Leads are Black's (positive: Black
/// leads), one before the first move and one after each move.
/// </summary>
public static class ScoreSwings
{
    public const int DefaultPerPlayer = 3;

    /// <summary>Smaller changes are noise of the estimate, not mistakes worth a mark.</summary>
    public const double MinimumLoss = 1.0;

    public static IReadOnlyList<ScoreSwing> Biggest(IReadOnlyList<Move> moves, IReadOnlyList<double> leads, int perPlayer = DefaultPerPlayer)
    {
        ArgumentNullException.ThrowIfNull(moves);
        ArgumentNullException.ThrowIfNull(leads);
        if (leads.Count != moves.Count + 1)
        {
            throw new ArgumentException($"One lead before the moves and one after each: {moves.Count + 1} expected, {leads.Count} given.", nameof(leads));
        }

        var swings = new List<ScoreSwing>();
        for (var i = 0; i < moves.Count; i++)
        {
            var change = leads[i + 1] - leads[i];
            var loss = moves[i].Player == Color.Black ? -change : change;
            if (loss >= MinimumLoss)
            {
                swings.Add(new ScoreSwing(i + 1, moves[i].Player, loss));
            }
        }

        return [.. swings.GroupBy(s => s.Player)
            .SelectMany(player => player.OrderByDescending(s => s.Loss).ThenBy(s => s.MoveNumber).Take(perPlayer))
            .OrderBy(s => s.MoveNumber)];
    }
}
