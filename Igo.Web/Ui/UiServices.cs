using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Igo.Web.Ui;

public static class UiServices
{
    /// <summary>The services of the Blazor UI; scoped ones live as long as one browser tab's circuit.</summary>
    public static IServiceCollection AddIgoUi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(SeatRetryPolicy.Default);
        services.AddScoped<CircuitIdentity>();
        services.AddScoped<SeatHandOff>();
        services.AddScoped<BrowserStorage>();
        services.AddScoped<RecentGames>();
        services.AddSingleton<IGameRecords, GameRecords>();
        return services;
    }
}
