using Igo.Data.Configuration;

namespace Igo.Web.Games;

public static class GamesServiceCollectionExtensions
{
    /// <summary>
    /// Games for this app: the store chosen by configuration (PostgreSQL or the embedded SQLite file, relative to
    /// <paramref name="contentRoot"/>), the event bus, the presence lease, the game coordinator
    /// (<see cref="IGameCoordinator"/>), the timeout sweep games' records (<see cref="IGameRecords"/>) and rematches (<see cref="IRematches"/>).
    /// </summary>
    public static IServiceCollection AddIgoGames(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddIgoData(configuration, contentRoot);
        services.AddOptions<ClockOptions>()
            .BindConfiguration(ClockOptions.Section)
            .Validate(o => o.LagAllowance >= TimeSpan.Zero && o.LagAllowance <= TimeSpan.FromSeconds(5), "Igo:Clocks:LagAllowance must be 0 to 5 s.")
            .Validate(o => o.SweepInterval >= TimeSpan.FromMilliseconds(50) && o.SweepInterval <= TimeSpan.FromMinutes(1), "Igo:Clocks:SweepInterval must be 50 ms to 1 min.")
            .Validate(o => o.SweepBatch is >= 1 and <= 1000, "Igo:Clocks:SweepBatch must be 1 to 1000.")
            .Validate(
                o => new[] { o.AwayGrace, o.AwayGraceUntimed }.All(grace => grace >= TimeSpan.FromSeconds(1) && grace <= TimeSpan.FromDays(1)),
                "Igo:Clocks:AwayGrace and AwayGraceUntimed must be 1 s to 1 day.")
            .ValidateOnStart();
        services.AddSingleton<GameCoordinator>();
        services.AddSingleton<IGameCoordinator>(provider => provider.GetRequiredService<GameCoordinator>());
        services.AddSingleton<IGameWatching>(provider => provider.GetRequiredService<GameCoordinator>());
        services.AddSingleton<IGameRecords, GameRecords>();
        services.AddSingleton<RematchOfferLimit>();
        services.AddSingleton<IRematches, Rematches>();
        services.AddHostedService<TimeoutSweeper>();
        return services;
    }
}
