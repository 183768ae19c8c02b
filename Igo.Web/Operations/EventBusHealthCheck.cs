using Igo.Data.Events;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Igo.Web.Operations;

/// <summary>Ready while the event listener is connected: without it this instance would not hear other instances' moves.</summary>
internal sealed class EventBusHealthCheck(IGameEventBus bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bus.IsListening
            ? HealthCheckResult.Healthy(bus is InProcessGameEventBus ? "In-process events" : "Listening for notifications")
            : HealthCheckResult.Unhealthy("The event listener is not connected; reconnecting"));
}
