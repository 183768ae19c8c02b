namespace Igo.Domain;

/// <summary>
/// The counted score of a finished position (dead stones already removed). Territory scoring (Japanese, §5.7):
/// territory + prisoners. Area scoring (Chinese): stones on the board + territory. Komi goes to white; equal is a draw.
/// Territory is every empty region bordered by one colour only, so the shared liberties of a seki count for nobody.
/// (Japanese rules also deny the eyes of a group in seki; like the original, we count them, as the players' own
/// dead-stone agreement is all the engine knows of life and death.)
/// </summary>
public sealed record ScoreTally(TerritoryCount Territory, PerColor<double> Score, GameResult Result)
{
    public static ScoreTally Count(Ruleset rules, Board board, PerColor<int> prisoners)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(board);
        var territory = TerritoryCounter.Count(board);
        var (black, white) = rules.Scoring == ScoringRule.Area
            ? (board.StoneCount(Color.Black) + territory.Territory.Black, board.StoneCount(Color.White) + territory.Territory.White)
            : (prisoners.Black + territory.Territory.Black, prisoners.White + territory.Territory.White);
        var score = new PerColor<double>(black, white + rules.Komi);
        var result = score.Black == score.White
            ? new GameResult(ResultType.Draw, null)
            : new GameResult(ResultType.StandardWin, score.Black > score.White ? Color.Black : Color.White);
        return new ScoreTally(territory, score, result);
    }
}
