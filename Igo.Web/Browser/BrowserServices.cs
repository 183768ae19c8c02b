using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Igo.Web.Browser;

public static class BrowserServices
{
    /// <summary>What the Blazor UI keeps in the browser (local storage): preferences and recent games, one set per circuit.</summary>
    public static IServiceCollection AddIgoBrowser(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<BrowserStorage>();
        services.AddScoped<BrowserSettings>();
        services.AddScoped<RecentGames>();
        return services;
    }
}
