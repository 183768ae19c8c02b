using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Igo.Web.Circuits;

public static class CircuitServices
{
    /// <summary>
    /// What a Blazor circuit (one browser tab) needs to hold a player's key: its identity and client address, the
    /// failed-join guard, the hand-off from the home page and the seat the game page shows. Scoped services live as long
    /// as the circuit.
    /// </summary>
    public static IServiceCollection AddIgoCircuits(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(SeatRetryPolicy.Default);

        services.AddOptions<SeatNoticeOptions>()
            .BindConfiguration(SeatNoticeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<CircuitIdentity>();

        // Failed joins count per client address in one allowance shared with /websocket (FailedJoinLimiter, from
        // AddIgoSecurity); the circuit's address is taken from the request that starts it.
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitAddress>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitAddressCapture>());
        services.AddScoped<CircuitJoinGuard>();
        services.AddScoped<SeatHandOff>();
        services.AddScoped<SeatJoiner>();
        services.AddScoped<SeatNotices>();
        services.AddScoped<CircuitSeat>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, SeatPresence>());
        return services;
    }

    // AddIgoCircuitsPerAddress and AddIgoCircuitKeepAlive extend IServerSideBlazorBuilder, unlike every other AddIgo…
    // (IServiceCollection): they set the Blazor hub's own options, HubOptions<ComponentHub>, and ComponentHub is internal
    // to ASP.NET Core, so IServerSideBlazorBuilder.AddHubOptions is the only way to them. From an IServiceCollection the
    // alternatives are services.AddServerSideBlazor(), which would register Blazor Server a second time beside
    // AddInteractiveServerComponents (it adds services with AddScoped, not TryAdd), or the global HubOptions, which
    // would put the circuit cap and the keep-alive on every SignalR hub the app may ever have.

    /// <summary>
    /// Caps the circuits one client address may hold at once (<c>Security:MaxCircuitsPerAddress</c>, see
    /// <see cref="CircuitsPerAddress"/>), as <c>/websocket</c> caps its sockets.
    /// </summary>
    public static IServerSideBlazorBuilder AddIgoCircuitsPerAddress(this IServerSideBlazorBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<CircuitsPerAddress>();
        return builder.AddHubOptions(options => options.AddFilter<CircuitsPerAddress>());
    }

    /// <summary>
    /// Pings each circuit every 5 s, so that the browser (which waits 15 s, see wwwroot/js/igo.js) notices a lost
    /// connection quickly and shows the reconnecting banner.
    /// </summary>
    public static IServerSideBlazorBuilder AddIgoCircuitKeepAlive(this IServerSideBlazorBuilder builder) =>
        builder.AddHubOptions(options =>
        {
            options.KeepAliveInterval = TimeSpan.FromSeconds(5);
            options.ClientTimeoutInterval = TimeSpan.FromSeconds(30);
        });
}
