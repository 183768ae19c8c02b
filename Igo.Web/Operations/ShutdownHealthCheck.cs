using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Igo.Web.Operations;

/// <summary>Not ready from the moment the instance is told to stop, so a load balancer sends nobody new here.</summary>
internal sealed class ShutdownHealthCheck(ShutdownSignal signal) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(signal.IsStopping
            ? HealthCheckResult.Unhealthy("Shutting down")
            : HealthCheckResult.Healthy("Serving"));
}
