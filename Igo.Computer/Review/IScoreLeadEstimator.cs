using Igo.Domain;

namespace Igo.Computer.Review;

/// <summary>
/// Estimates Black's lead (positive: Black leads, komi included) before the first move of a game and after each move,
/// for the engine review. <c>progress</c> is told how many positions are done after each one; it may throw
/// <see cref="OperationCanceledException"/> to stop the work.
/// </summary>
public interface IScoreLeadEstimator
{
    /// <summary>The name stored with the review ("gnugo", "playouts").</summary>
    string Name { get; }

    Task<IReadOnlyList<double>> EstimateAsync(ReviewRecord record, Func<int, Task> progress, CancellationToken cancellationToken);
}
