using Igo.Computer;
using Igo.Computer.Background;
using Igo.Computer.Gtp;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Igo.Web.Computer;

public static class ComputerServiceCollectionExtensions
{
    /// <summary>
    /// Computer opponents: the catalogue (<see cref="IComputerOpponents"/>), GTP engine pools (started with the app,
    /// stopped with it), the computer player host (the coordinator's <see cref="IComputerPlayerLauncher"/>, with its
    /// takeover sweep), the dead-stone and score advisor for human players, and the scoring phase's starting marking. Options from the "Computer" section.
    /// Needs the games (<c>AddIgoGames</c>) for the coordinator and the store.
    /// </summary>
    public static IServiceCollection AddIgoComputer(this IServiceCollection services)
    {
        services.AddOptions<ComputerOptions>()
            .BindConfiguration(ComputerOptions.SectionName)
            .Validate(o => o.HasPositiveDurations(), "Computer: CommandTimeout, ThinkTimeout and SweepInterval must be positive, OpponentAwayGrace not negative")
            .Validate(o => o.HasValidBusyLimit(), "Computer: BackgroundBusyLimit must be from 0.05 to 1 (1 turns the check off)")
            .RejectRetired(
                ComputerOptions.SectionName,
                ["CommandTimeoutSeconds", "ThinkTimeoutSeconds", "SweepIntervalSeconds", "OpponentAwayGraceSeconds"],
                "durations are written as TimeSpans: Computer:CommandTimeout, ThinkTimeout, SweepInterval, OpponentAwayGrace, e.g. \"00:00:15\" (docs/DEPLOYMENT.md)")
            .ValidateOnStart();
        services.AddSingleton<GtpEngines>();
        services.AddHostedService(provider => provider.GetRequiredService<GtpEngines>());
        services.AddSingleton<ComputerPlayerCatalog>();
        services.AddSingleton<IComputerOpponents>(provider => provider.GetRequiredService<ComputerPlayerCatalog>());
        services.AddSingleton<PositionAdvisor>();
        services.AddSingleton<IPositionAdvisor>(provider => provider.GetRequiredService<PositionAdvisor>());
        services.AddBackgroundCpuGate();
        services.AddSingleton<IMarkingSuggester, EngineMarkingSuggester>();

        services.AddSingleton<IComputerKeyDirectory, StoreComputerKeyDirectory>();
        services.AddSingleton(provider => new ComputerPlayerHost(
            provider.GetRequiredService<IGameCoordinator>,
            provider.GetRequiredService<IComputerKeyDirectory>(),
            provider.GetRequiredService<ComputerPlayerCatalog>(),
            provider.GetRequiredService<IOptions<ComputerOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ComputerPlayerHost>>()));
        services.AddSingleton<IComputerPlayerLauncher>(provider => provider.GetRequiredService<ComputerPlayerHost>());
        services.AddHostedService(provider => provider.GetRequiredService<ComputerPlayerHost>());
        return services;
    }

    /// <summary>The one gate of this instance's background engine work, on the "Computer" section's busy limit.</summary>
    internal static IServiceCollection AddBackgroundCpuGate(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => new BackgroundCpuGate(
            provider.GetRequiredService<IOptions<ComputerOptions>>().Value.BackgroundBusyLimit,
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
