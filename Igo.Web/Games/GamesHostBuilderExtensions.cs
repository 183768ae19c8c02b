using Igo.Data.Configuration;

namespace Igo.Web.Games;

public static class GamesHostBuilderExtensions
{
    /// <summary>
    /// Games for this app: the store chosen by configuration (PostgreSQL or the embedded SQLite file), the event bus,
    /// the presence lease, and the game coordinator.
    /// </summary>
    public static IHostApplicationBuilder AddIgoGames(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddIgoData(builder.Configuration, builder.Environment.ContentRootPath);
        return builder;
    }
}
