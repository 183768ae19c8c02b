using Igo.Web.Computer;

namespace Igo.Web.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>
    /// Reviewing finished games: the page's reads (<see cref="IGameReviews"/>) and the engine review made in the
    /// background (<see cref="EngineReviewService"/>, options under <c>Igo:Review</c>). Needs the games and the computer options.
    /// </summary>
    public static IServiceCollection AddIgoReview(this IServiceCollection services)
    {
        services.AddOptions<EngineReviewOptions>()
            .BindConfiguration(EngineReviewOptions.Section)
            .Validate(
                o => o.IsValid,
                "Igo:Review: Engine must be auto, gnugo or playouts; PollInterval 1 s to 1 h, ClaimLife 10 s to 1 h, PositionBudget 1 s to 1 min, Playouts 10 to 100000")
            .ValidateOnStart();
        services.AddBackgroundCpuGate();
        services.AddSingleton<IGameReviews, GameReviews>();
        services.AddHostedService<EngineReviewService>();
        return services;
    }
}
