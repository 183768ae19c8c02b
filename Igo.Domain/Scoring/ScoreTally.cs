namespace Igo.Domain;

/// <summary>
/// The counted score of a finished position. Territory scoring (Japanese, §5.7): territory + prisoners. Area scoring
/// (Chinese): stones on the board + territory. Komi goes to white; equal is a draw. Territory is every empty region
/// bordered by one colour only, so the shared liberties of a seki count for nobody. (Japanese rules also deny the eyes
/// of a group in seki; like the original, we count them, as the players' own dead-stone agreement is all the engine
/// knows of life and death.)
/// </summary>
/// <param name="Territory">Who owns each point once the dead stones are off the board.</param>
/// <param name="Score">Each colour's total, komi included.</param>
/// <param name="Result">Who won, or a draw.</param>
/// <param name="Prisoners">Each colour's captures, the other colour's dead stones included.</param>
/// <param name="Stones">Each colour's living stones on the board (what area scoring counts).</param>
public sealed record ScoreTally(TerritoryCount Territory, PerColor<double> Score, GameResult Result, PerColor<int> Prisoners, PerColor<int> Stones)
{
    /// <summary>The count of <paramref name="board"/> as it stands: its stones are all alive.</summary>
    public static ScoreTally Count(Ruleset rules, Board board, PerColor<int> prisoners) => Count(rules, board, prisoners, []);

    /// <summary>
    /// The count of <paramref name="board"/> with the chains through <paramref name="dead"/> taken off as the other
    /// colour's prisoners (the board itself is not changed).
    /// </summary>
    public static ScoreTally Count(Ruleset rules, Board board, PerColor<int> prisoners, IEnumerable<Point> dead)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(dead);
        var living = board;
        foreach (var point in dead)
        {
            if (living[point].ToColor() is not { } color)
            {
                continue;
            }

            living = ReferenceEquals(living, board) ? board.Clone() : living;
            var capturer = color.Opponent();
            prisoners = prisoners.With(capturer, prisoners[capturer] + living.RemoveChainAt(point));
        }

        var territory = TerritoryCounter.Count(living);
        var stones = new PerColor<int>(living.StoneCount(Color.Black), living.StoneCount(Color.White));
        var (black, white) = rules.Scoring == ScoringRule.Area
            ? (stones.Black + territory.Territory.Black, stones.White + territory.Territory.White)
            : (prisoners.Black + territory.Territory.Black, prisoners.White + territory.Territory.White);
        var score = new PerColor<double>(black, white + rules.Komi);
        var result = score.Black == score.White
            ? new GameResult(ResultType.Draw, null)
            : new GameResult(ResultType.StandardWin, score.Black > score.White ? Color.Black : Color.White);
        return new ScoreTally(territory, score, result, prisoners, stones);
    }
}
