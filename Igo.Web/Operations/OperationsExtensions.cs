using Igo.Data.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Igo.Web.Operations;

public static class OperationsExtensions
{
    /// <summary>
    /// Health and readiness checks, graceful shutdown (bounded by <c>Igo:Operations:ShutdownTimeout</c>), the <c>Igo</c>
    /// meter with an OpenTelemetry Prometheus exporter, and per-circuit logging scopes. Pair with <see cref="OperationsEndpoints.UseIgoOperations"/>.
    /// </summary>
    public static IServiceCollection AddIgoOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OperationsOptions>()
            .BindConfiguration(OperationsOptions.Section)
            .Validate(o => o.ShutdownTimeout > TimeSpan.Zero && o.DrainDelay >= TimeSpan.Zero && o.HealthCheckTimeout > TimeSpan.Zero,
                "Igo:Operations: ShutdownTimeout and HealthCheckTimeout must be positive, DrainDelay not negative")
            .ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<OperationsOptions>>((host, operations) => host.ShutdownTimeout = operations.Value.ShutdownTimeout);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ShutdownSignal>();
        services.AddHostedService<GracefulShutdown>();

        var timeout = configuration.GetSection(OperationsOptions.Section).Get<OperationsOptions>()?.HealthCheckTimeout ?? new OperationsOptions().HealthCheckTimeout;
        services.AddHealthChecks()
            .AddCheck<ShutdownHealthCheck>("shutdown", tags: [OperationsEndpoints.ReadyTag])
            .AddCheck<StoreHealthCheck>("store", tags: [OperationsEndpoints.ReadyTag], timeout: timeout)
            .AddCheck<EventBusHealthCheck>("events", tags: [OperationsEndpoints.ReadyTag]);

        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitCorrelation>());

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("igo", serviceInstanceId: configuration["Igo:InstanceId"]))
            .WithMetrics(metrics => metrics
            .AddMeter(IgoMetrics.MeterName)

            // What ASP.NET Core and .NET measure themselves: requests, Kestrel and SignalR connections, the runtime.
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections", "System.Runtime")

            // Npgsql's pool: connections in use and idle against the cap, callers waiting for one, waits that timed out.
            .AddMeter("Npgsql")
            .AddPrometheusExporter());

        // The request log names the path, and a game page's path holds a player key: it stays at Warning whatever the
        // configuration says (nginx's access log, with the key masked, records requests).
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        return services;
    }
}
