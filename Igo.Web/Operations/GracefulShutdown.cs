using Microsoft.Extensions.Options;

namespace Igo.Web.Operations;

/// <summary>
/// Orders a stop (SIGTERM, or the host stopped). This service's StoppingAsync runs before any hosted service stops, the
/// web server included: readiness fails at once; after the drain delay the instance leaves (new requests refused,
/// sockets told to go away; SignalR closes the circuits' connections itself when ApplicationStopping fires). Then the server waits for its connections to end, and the data services
/// stop after it: the presence lease releases every key still held here and deletes this instance's lease, and the bus
/// sends the last notifications. All within <see cref="OperationsOptions.ShutdownTimeout"/>.
/// </summary>
internal sealed partial class GracefulShutdown(
    ShutdownSignal signal,
    IOptions<OperationsOptions> options,
    TimeProvider time,
    ILogger<GracefulShutdown> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        signal.Stop();
        var delay = options.Value.DrainDelay;
        LogStopping(delay.TotalSeconds, options.Value.ShutdownTimeout.TotalSeconds);
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The shutdown timeout is shorter than the drain delay: leave now.
            }
        }

        signal.Leave();
        LogLeaving();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        LogStopped();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: readiness now fails; leaving in {DrainSeconds} s, all done within {TimeoutSeconds} s")]
    private partial void LogStopping(double drainSeconds, double timeoutSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Leaving: new requests are refused and connections are asked to reconnect elsewhere")]
    private partial void LogLeaving();

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped: connections closed, keys released, lease given back (or left to expire: see above)")]
    private partial void LogStopped();
}
