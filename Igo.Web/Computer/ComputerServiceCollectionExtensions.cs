using Igo.Web.Computer.Gtp;
using Igo.Web.Games;

namespace Igo.Web.Computer;

public static class ComputerServiceCollectionExtensions
{
    /// <summary>
    /// Computer opponents: the catalogue (<see cref="IComputerOpponents"/>), GTP engine pools (started with the app,
    /// stopped with it), and the dead-stone and score advisor for human players. Options from the "Computer" section.
    /// </summary>
    public static IServiceCollection AddComputerPlayers(this IServiceCollection services)
    {
        services.AddOptions<ComputerOptions>().BindConfiguration(ComputerOptions.SectionName);
        services.AddSingleton<GtpEngines>();
        services.AddHostedService(provider => provider.GetRequiredService<GtpEngines>());
        services.AddSingleton<ComputerPlayerCatalog>();
        services.AddSingleton<IComputerOpponents>(provider => provider.GetRequiredService<ComputerPlayerCatalog>());
        services.AddSingleton<PositionAdvisor>();
        return services;
    }
}
