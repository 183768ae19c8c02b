namespace Igo.Web.Review;

/// <summary>The engine review of finished games, under <c>Igo:Review</c>.</summary>
public sealed class EngineReviewOptions
{
    public const string Section = "Igo:Review";

    /// <summary>Whether this instance makes engine reviews (the review pages show stored ones either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>"auto" (GNU Go where installed, else playouts), "gnugo" or "playouts".</summary>
    public string Engine { get; set; } = "auto";

    /// <summary>How often an idle instance looks for a finished game without a review. 1 s to 1 h.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A claim not refreshed for this long is a dead instance's, and another takes the game over. 10 s to 1 h.</summary>
    public TimeSpan ClaimLife { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The most GNU Go may think about one position before the review falls back to playouts. 1 s to 1 min.</summary>
    public TimeSpan PositionBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Random playouts per position for the built-in estimate. 10 to 100,000.</summary>
    public int Playouts { get; set; } = 400;

    internal bool IsValid =>
        Engine is "auto" or "gnugo" or "playouts"
        && PollInterval >= TimeSpan.FromSeconds(1) && PollInterval <= TimeSpan.FromHours(1)
        && ClaimLife >= TimeSpan.FromSeconds(10) && ClaimLife <= TimeSpan.FromHours(1)
        && PositionBudget >= TimeSpan.FromSeconds(1) && PositionBudget <= TimeSpan.FromMinutes(1)
        && Playouts is >= 10 and <= 100_000;
}
