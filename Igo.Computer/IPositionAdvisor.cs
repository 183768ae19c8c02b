using Igo.Domain;

namespace Igo.Computer;

/// <summary>Engine advice for the human players (the game page asks it; tests fake it). Both calls take up to seconds.</summary>
public interface IPositionAdvisor
{
    /// <summary>The endgame: which chains the engine thinks are dead, and the lead once they are removed.</summary>
    Task<PositionJudgement> JudgeAsync(GameView view, CancellationToken cancellationToken = default);

    /// <summary>A game in play: a quick estimate of who leads, open areas included (playout ownership).</summary>
    Task<PositionJudgement> EstimateAsync(GameView view, CancellationToken cancellationToken = default);
}
