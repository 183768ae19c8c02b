using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Igo.Computer.Gtp;

/// <summary>
/// The GTP engines configured for this instance, one process pool each: GNU Go (id <see cref="GnuGoId"/>) and the
/// engines of <see cref="ComputerOptions.Engines"/>, and GNU Go's advice pool (id <see cref="GnuGoAdviceId"/>): one
/// process at idle priority for the dead stones and scores people ask for, so that advice never takes a core from play
/// nor keeps a computer opponent waiting for a process. At start it warms one process of every installed engine in the
/// background (a broken install shows in the log at once); at stop, and when the container is disposed, it stops them all.
/// </summary>
public sealed partial class GtpEngines : IHostedService, IAsyncDisposable
{
    public const string GnuGoId = "gnugo";

    /// <summary>GNU Go for advice (not an opponent): a process of its own, at idle priority.</summary>
    public const string GnuGoAdviceId = "gnugo-advice";

    private readonly Dictionary<string, GtpEnginePool> pools = new(StringComparer.Ordinal);
    private readonly ILogger<GtpEngines> logger;
    private readonly CancellationTokenSource stopping = new();
    private Task warmingUp = Task.CompletedTask;
    private int disposed;

    public GtpEngines(IOptions<ComputerOptions> options, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        logger = loggers.CreateLogger<GtpEngines>();
        var settings = options.Value;
        var timeouts = new GtpTimeouts(settings.CommandTimeout, settings.ThinkTimeout);
        var poolLogger = loggers.CreateLogger<GtpEnginePool>();
        if (!string.IsNullOrWhiteSpace(settings.GnuGoCommand))
        {
            var gnuGo = new GtpCommandLine(settings.GnuGoCommand, ["--mode", "gtp"]);
            pools[GnuGoId] = new GtpEnginePool(GnuGoId, gnuGo, Math.Max(1, settings.GnuGoMaxProcesses), timeouts, poolLogger);
            pools[GnuGoAdviceId] = new GtpEnginePool(GnuGoAdviceId, gnuGo, 1, timeouts, poolLogger) { RunsAtIdlePriority = true };
        }

        foreach (var engine in settings.Engines)
        {
            if (string.IsNullOrWhiteSpace(engine.Id) || string.IsNullOrWhiteSpace(engine.Command) || pools.ContainsKey(engine.Id))
            {
                EngineIgnored(logger, engine.Id);
                continue;
            }

            pools[engine.Id] = new GtpEnginePool(engine.Id, new GtpCommandLine(engine.Command, [.. engine.Arguments]), Math.Max(1, engine.MaxProcesses), timeouts, poolLogger);
        }

        // The advice pool runs the same command as GNU Go's: one warning says it is missing.
        foreach (var pool in pools.Values.Where(pool => !pool.IsInstalled && pool.Id != GnuGoAdviceId))
        {
            EngineNotInstalled(logger, pool.Id, pool.CommandLine);
        }
    }

    public IReadOnlyCollection<GtpEnginePool> Pools => pools.Values;

    public GtpEnginePool? Find(string id) => pools.GetValueOrDefault(id);

    public bool IsAvailable(string id) => Find(id)?.IsAvailable == true;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        warmingUp = Task.Run(WarmUpAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    // Registered both as itself and as a hosted service, so the container may dispose it twice; stopping disposes it too.
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stopping.CancelAsync();
        await DisposePoolsAsync();
        stopping.Dispose();
    }

    private async Task WarmUpAsync()
    {
        foreach (var pool in pools.Values.Where(pool => pool.IsAvailable))
        {
            try
            {
                await pool.WarmUpAsync(stopping.Token);
            }
            catch (Exception exception) when (exception is GtpEngineException or OperationCanceledException or ObjectDisposedException)
            {
                EngineDidNotStart(logger, exception, pool.Id);
            }
        }
    }

    private async Task DisposePoolsAsync()
    {
        await warmingUp.ContinueWith(_ => { }, TaskScheduler.Default);
        await Task.WhenAll(pools.Values.Select(pool => pool.DisposeAsync().AsTask()));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring a GTP engine without an id or command, or with a duplicate id ({EngineId})")]
    private static partial void EngineIgnored(ILogger logger, string? engineId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GTP engine {EngineId} is not installed ({CommandLine}); it is not offered")]
    private static partial void EngineNotInstalled(ILogger logger, string engineId, GtpCommandLine commandLine);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GTP engine {EngineId} did not start")]
    private static partial void EngineDidNotStart(ILogger logger, Exception exception, string engineId);
}
