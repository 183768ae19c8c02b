using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Igo.Web.Operations;

/// <summary>The paths an operator's tools call: liveness, readiness and the Prometheus scrape.</summary>
public static class OperationsEndpoints
{
    public const string Liveness = "/healthz";
    public const string Readiness = "/readyz";
    public const string Metrics = "/metrics";

    /// <summary>The tag of the checks <c>/readyz</c> runs; <c>/healthz</c> runs none (the process answers: it is alive).</summary>
    public const string ReadyTag = "ready";

    internal static bool IsOperationsPath(PathString path) =>
        path.Equals(Liveness, StringComparison.OrdinalIgnoreCase)
        || path.Equals(Readiness, StringComparison.OrdinalIgnoreCase)
        || path.Equals(Metrics, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Refuses new requests while the instance leaves, and maps <c>/healthz</c>, <c>/readyz</c> and (unless turned off)
    /// <c>/metrics</c>. Call it after the status-code pages middleware: these answers are JSON or text, never a page.
    /// </summary>
    public static WebApplication UseIgoOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RefuseWhileLeaving>();
        app.MapHealthChecks(Liveness, new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponse.WriteAsync,
        }).DisableHttpMetrics();
        app.MapHealthChecks(Readiness, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponse.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).DisableHttpMetrics();
        if (app.Services.GetRequiredService<IOptions<OperationsOptions>>().Value.PrometheusEndpoint)
        {
            app.MapPrometheusScrapingEndpoint(Metrics).DisableHttpMetrics();
        }

        return app;
    }
}
