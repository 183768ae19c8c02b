namespace Igo.Computer.Players;

/// <summary>
/// When a computer player resigns, in full: only late in the game, from move <see cref="FromMove"/> (half the board's
/// points: 40 on 9x9, 84 on 13x13, 180 on 19x19), and only when its brain has estimated it behind by more than
/// <see cref="Margin"/> (an eighth of the board's points, at least 15: 15 on 9x9, 21 on 13x13, 45 on 19x19) on
/// <see cref="TurnsInARow"/> of its own turns in a row. One estimate is noisy (random playouts, or GNU Go's rough
/// <c>estimate_score</c>); three in a row by a margin a person would resign at leaves the human a game worth finishing
/// only when it really is one. Before that it plays on, and a lost game still ends by counting.
/// Not thread-safe: one player's decisions are made one at a time.
/// </summary>
public sealed class ResignationRule
{
    public const int TurnsInARow = 3;

    private int behindInARow;
    private int lastMoveNumber = -1;

    public static int FromMove(int size) => size * size / 2;

    public static double Margin(int size) => Math.Max(15, size * size / 8.0);

    /// <summary>Whether the estimate is worth asking for at all at this move (the estimate costs a little thinking).</summary>
    public static bool Applies(int size, int moveNumber) => moveNumber >= FromMove(size);

    /// <summary>
    /// Records the player's estimated lead (negative: behind) on its turn at <paramref name="moveNumber"/>; true when it
    /// should resign now. A second estimate at the same move (after a refused move) does not count twice.
    /// </summary>
    public bool ShouldResign(int size, int moveNumber, double ownLead)
    {
        if (moveNumber != lastMoveNumber)
        {
            lastMoveNumber = moveNumber;
            behindInARow = Applies(size, moveNumber) && ownLead < -Margin(size) ? behindInARow + 1 : 0;
        }

        return behindInARow >= TurnsInARow;
    }
}
