namespace Igo.Domain;

/// <summary>
/// One position of a review: the board as a <see cref="GameView"/> (in play, so that the legal points for the player to
/// move are known for a variation), the move that led to it and what it captured, and the number of the move that
/// placed each stone still on the board (row-major; 0 for an empty point or a handicap stone).
/// </summary>
public sealed record ReviewFrame(GameView View, int MoveNumber, Move? Move, int Captured, IReadOnlyList<int> StoneNumbers)
{
    /// <summary>"Move 37, Black D4, captures 2"; "Start of the game" before the first move.</summary>
    public string Describe()
    {
        if (Move is not { } move)
        {
            return "Start of the game";
        }

        var what = move.Point is { } point ? $"{move.Player.ToTitle()} {point.ToLabel(View.Size)}" : $"{move.Player.ToTitle()} passes";
        return Captured > 0 ? $"Move {MoveNumber}, {what}, captures {Captured}" : $"Move {MoveNumber}, {what}";
    }
}
