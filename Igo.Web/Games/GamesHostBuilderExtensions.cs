using Igo.Data.Configuration;

namespace Igo.Web.Games;

public static class GamesHostBuilderExtensions
{
    /// <summary>
    /// Games for this app: the store chosen by configuration (PostgreSQL or the embedded SQLite file), the event bus,
    /// the presence lease, the game coordinator (<see cref="IGameCoordinator"/>) and games' records (<see cref="IGameRecords"/>).
    /// </summary>
    public static IHostApplicationBuilder AddIgoGames(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddIgoGames(builder.Configuration, builder.Environment.ContentRootPath);
        return builder;
    }

    /// <summary>The same on a bare service collection (tests, benchmarks).</summary>
    public static IServiceCollection AddIgoGames(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddIgoData(configuration, contentRoot);
        services.AddSingleton<GameCoordinator>();
        services.AddSingleton<IGameCoordinator>(provider => provider.GetRequiredService<GameCoordinator>());
        services.AddSingleton<IGameRecords, GameRecords>();
        return services;
    }
}
