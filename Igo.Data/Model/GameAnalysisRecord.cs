namespace Igo.Data.Model;

/// <summary>
/// The engine review of a finished game, computed once: the instance that claimed the work and when (a claim
/// not refreshed for a while is a dead instance's, and another takes it over), and once done, the engine and the
/// estimated lead after every move. <see cref="Leads"/> is null in a done analysis that could not be made.
/// </summary>
public sealed class GameAnalysisRecord
{
    public long GameId { get; set; }

    public Guid ClaimedBy { get; set; }

    /// <summary>When the claim was taken or last refreshed by its instance.</summary>
    public DateTimeOffset ClaimedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Which estimator made it ("gnugo", "playouts").</summary>
    public string? Engine { get; set; }

    /// <summary>Black's estimated lead before the first move and after each move, invariant numbers separated by commas.</summary>
    public string? Leads { get; set; }
}
