using Igo.Data.Configuration;

namespace Igo.Web.Games;

public static class GamesServiceCollectionExtensions
{
    /// <summary>
    /// Games for this app: the store chosen by configuration (PostgreSQL or the embedded SQLite file, relative to
    /// <paramref name="contentRoot"/>), the event bus, the presence lease, the game coordinator
    /// (<see cref="IGameCoordinator"/>) and games' records (<see cref="IGameRecords"/>).
    /// </summary>
    public static IServiceCollection AddIgoGames(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddIgoData(configuration, contentRoot);
        services.AddSingleton<GameCoordinator>();
        services.AddSingleton<IGameCoordinator>(provider => provider.GetRequiredService<GameCoordinator>());
        services.AddSingleton<IGameRecords, GameRecords>();
        return services;
    }
}
