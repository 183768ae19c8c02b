namespace Igo.Domain;

/// <summary>
/// What a review replays: the game's settings and its line of moves (handicap stones come from the rules), and, for a
/// game that ended on a count, its final board with the territory (the points of <see cref="GameView"/>, dead stones marked).
/// </summary>
public sealed record ReviewRecord(int Size, Ruleset Rules, IReadOnlyList<Move> Moves, IReadOnlyList<PointState>? FinalPoints, GameResult? Result)
{
    /// <summary>The record of a game as it stands: a finished game's with its final territory, a live game's up to its current move.</summary>
    public static ReviewRecord Of(Game game)
    {
        ArgumentNullException.ThrowIfNull(game);
        var view = game.View();
        var final = game.Status == GameStatus.Complete && game.Tally is not null ? view.Points : null;
        return new ReviewRecord(game.Size, game.Rules, [.. game.Moves], final, game.Result);
    }
}
