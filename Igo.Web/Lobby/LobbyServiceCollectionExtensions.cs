using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Igo.Web.Lobby;

public static class LobbyServiceCollectionExtensions
{
    /// <summary>The lobby (<see cref="ILobby"/>), its shared lists, the sweep of abandoned challenges, and each page's own challenge.</summary>
    public static IServiceCollection AddIgoLobby(this IServiceCollection services)
    {
        services.AddOptions<LobbyOptions>()
            .BindConfiguration(LobbyOptions.Section)
            .Validate(o => o.ChallengeGrace >= TimeSpan.FromSeconds(3) && o.ChallengeGrace <= TimeSpan.FromMinutes(10), "Igo:Lobby:ChallengeGrace must be 3 s to 10 min.")
            .Validate(
                o => o.KeepAliveInterval >= TimeSpan.FromSeconds(1) && o.KeepAliveInterval <= TimeSpan.FromMinutes(1) && o.KeepAliveInterval * 3 <= o.ChallengeGrace,
                "Igo:Lobby:KeepAliveInterval must be 1 s to 1 min and at most a third of ChallengeGrace.")
            .Validate(o => o.SweepInterval >= TimeSpan.FromSeconds(1) && o.SweepInterval <= TimeSpan.FromMinutes(1), "Igo:Lobby:SweepInterval must be 1 s to 1 min.")
            .Validate(o => o.RefreshDelay >= TimeSpan.Zero && o.RefreshDelay <= TimeSpan.FromSeconds(5), "Igo:Lobby:RefreshDelay must be 0 to 5 s.")
            .Validate(o => o.IdleRefresh >= TimeSpan.FromSeconds(5) && o.IdleRefresh <= TimeSpan.FromMinutes(10), "Igo:Lobby:IdleRefresh must be 5 s to 10 min.")
            .Validate(o => o.MaxChallenges is >= 1 and <= 500 && o.MaxLiveGames is >= 1 and <= 100, "Igo:Lobby:MaxChallenges must be 1 to 500 and MaxLiveGames 1 to 100.")
            .ValidateOnStart();
        services.AddSingleton<LobbyFeed>();
        services.AddSingleton<ILobby, StoreLobby>();
        services.AddHostedService<ChallengeSweeper>();
        services.AddScoped<MyChallenge>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, ChallengePresence>());
        return services;
    }
}
