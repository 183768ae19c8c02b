namespace Igo.Web.Operations;

/// <summary>Running Igo for real: shutdown, health and metrics settings, under <c>Igo:Operations</c>.</summary>
public sealed class OperationsOptions
{
    public const string Section = "Igo:Operations";

    /// <summary>
    /// The most a stop (SIGTERM) may take, all of it: closing connections, releasing keys, giving the lease back.
    /// Becomes <see cref="HostOptions.ShutdownTimeout"/>. Give the process manager a little more before it kills.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// After SIGTERM, how long the instance goes on serving while <c>/readyz</c> already says 503, so that a load
    /// balancer that polls readiness takes it out of rotation before it refuses anyone. 0 behind nginx, which retries
    /// a refused request on the other instance by itself.
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.Zero;

    /// <summary>How long one readiness check (the database query) may take before it counts as failed.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Serve the metrics in the Prometheus text format at <c>/metrics</c>.</summary>
    public bool PrometheusEndpoint { get; set; } = true;
}
