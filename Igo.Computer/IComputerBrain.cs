using Igo.Domain;

namespace Igo.Computer;

/// <summary>
/// The thinking part of a computer player, the same for the built-in Monte-Carlo player and a GTP engine.
/// Both calls may take seconds: call them off request threads.
/// </summary>
public interface IComputerBrain
{
    /// <summary>Names the engine in logs and in judgements shown to players ("GNU Go", "built-in Monte-Carlo").</summary>
    string Name { get; }

    /// <summary>The move for the player to move (null: pass), never one of <paramref name="excluded"/> (moves the game has just refused).</summary>
    Task<Point?> ChooseMoveAsync(ComputerPosition position, IReadOnlySet<Point> excluded, CancellationToken cancellationToken = default);

    /// <summary>Which stones are dead and who leads by how much.</summary>
    Task<PositionJudgement> JudgeAsync(ComputerPosition position, CancellationToken cancellationToken = default);

    /// <summary>
    /// Black's lead in points (negative: white leads) of a position still in play, open areas included as well as the
    /// brain can say. By default the judgement's lead; an engine with a better estimate of unfinished positions overrides it.
    /// </summary>
    async Task<double> EstimateBlackLeadAsync(ComputerPosition position, CancellationToken cancellationToken = default) =>
        (await JudgeAsync(position, cancellationToken)).BlackLead;
}
