using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Igo.Web.Compat;

/// <summary>Wires the igo-frontend compatibility endpoint into the app: one line in the services, one in the endpoints.</summary>
public static class CompatibilityExtensions
{
    /// <summary>
    /// Registers the endpoint and binds <see cref="CompatibilityOptions"/> from the <c>Compat</c> section, checked at
    /// start. The client address and the failed-join allowance it uses come from
    /// <see cref="Security.SecurityExtensions.AddIgoSecurity"/>.
    /// </summary>
    public static IServiceCollection AddIgoCompatibility(this IServiceCollection services)
    {
        services.AddOptions<CompatibilityOptions>()
            .BindConfiguration(CompatibilityOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Path.StartsWith('/'), "Compat:Path must start with /")
            .RejectRetired(
                CompatibilityOptions.SectionName,
                ["RateLimitBurst", "RateLimitPerSecond"],
                "a client that waits for its answers is no longer limited; Compat:SendAheadBurst and Compat:SendAheadInterval limit messages sent ahead of their answers (docs/DEPLOYMENT.md)")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HeldKeys>();
        services.AddSingleton<ClientAddressLimits>();
        services.AddSingleton<CompatibilityEndpoint>();
        return services;
    }

    /// <summary>Maps the WebSocket endpoint (by default <c>/websocket</c>) with the protocol's keep-alive pings.</summary>
    public static IEndpointConventionBuilder MapIgoCompatibility(this IEndpointRouteBuilder endpoints)
    {
        var settings = endpoints.ServiceProvider.GetRequiredService<IOptions<CompatibilityOptions>>().Value;
        var endpoint = endpoints.ServiceProvider.GetRequiredService<CompatibilityEndpoint>();

        // A pipeline of its own, as SignalR does: the WebSocket middleware applies to this endpoint only.
        var pipeline = endpoints.CreateApplicationBuilder();
        pipeline.UseWebSockets(new WebSocketOptions
        {
            KeepAliveInterval = settings.KeepAliveInterval,
            KeepAliveTimeout = settings.KeepAliveTimeout,
        });
        pipeline.Run(endpoint.HandleAsync);
        return endpoints.Map(settings.Path, pipeline.Build()).WithDisplayName("igo-frontend compatibility WebSocket");
    }
}
