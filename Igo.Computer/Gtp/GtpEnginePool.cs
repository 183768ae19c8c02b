using Microsoft.Extensions.Logging;

namespace Igo.Computer.Gtp;

/// <summary>
/// The running processes of one GTP engine: started on first need and kept for reuse, never more than
/// <see cref="MaxProcesses"/> at once (callers wait for a free one), replaced when one dies, all stopped on dispose.
/// </summary>
public sealed partial class GtpEnginePool : IAsyncDisposable
{
    /// <summary>After this many failed starts in a row the engine is taken off the list of opponents.</summary>
    private const int FailedStartsBeforeGivingUp = 3;

    private readonly GtpTimeouts timeouts;
    private readonly ILogger logger;
    private readonly SemaphoreSlim slots;
    private readonly Stack<GtpEngineProcess> idle = new();
    private readonly HashSet<GtpEngineProcess> running = [];
    private readonly Lock gate = new();
    private int failedStarts;
    private bool disposed;

    public GtpEnginePool(string id, GtpCommandLine commandLine, int maxProcesses, GtpTimeouts timeouts, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxProcesses, 1);
        Id = id;
        CommandLine = commandLine;
        MaxProcesses = maxProcesses;
        this.timeouts = timeouts;
        this.logger = logger;
        slots = new SemaphoreSlim(maxProcesses, maxProcesses);
        IsInstalled = commandLine.IsInstalled();
    }

    public string Id { get; }

    public GtpCommandLine CommandLine { get; }

    public int MaxProcesses { get; }

    public bool IsInstalled { get; }

    /// <summary>
    /// Whether its processes run at the lowest CPU priority: work nobody waits on a move for (advice to people) then takes
    /// only the CPU that play leaves over.
    /// </summary>
    public bool RunsAtIdlePriority { get; init; }

    /// <summary>Installed, and not given up on after repeated failed starts.</summary>
    public bool IsAvailable => IsInstalled && Volatile.Read(ref failedStarts) < FailedStartsBeforeGivingUp;

    /// <summary>Processes alive now (idle or lent out).</summary>
    public int RunningCount
    {
        get
        {
            lock (gate)
            {
                return running.Count(engine => !engine.HasExited);
            }
        }
    }

    /// <summary>
    /// Lends an engine, waiting while all <see cref="MaxProcesses"/> are busy. Throws <see cref="GtpEngineException"/>
    /// when the engine is not available or cannot be started.
    /// </summary>
    public async Task<GtpEngineLease> RentAsync(CancellationToken cancellationToken = default)
    {
        if (!IsAvailable)
        {
            throw new GtpEngineException($"The engine '{Id}' is not available.");
        }

        await slots.WaitAsync(cancellationToken);
        try
        {
            var engine = await TakeIdleOrStartAsync(cancellationToken);
            return new GtpEngineLease(this, engine);
        }
        catch
        {
            slots.Release();
            throw;
        }
    }

    /// <summary>Starts one process ahead of need, so the first game does not wait for it and a broken install shows at start.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken = default)
    {
        await using var lease = await RentAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        List<GtpEngineProcess> toStop;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            toStop = [.. running];
            idle.Clear();
            running.Clear();
        }

        // Lent-out engines are stopped here too: their users get an error on their next command.
        await Task.WhenAll(toStop.Select(engine => engine.DisposeAsync().AsTask()));
    }

    internal async ValueTask ReturnAsync(GtpEngineProcess engine, bool broken)
    {
        var stop = broken || engine.HasExited;
        lock (gate)
        {
            stop |= disposed;
            if (stop)
            {
                running.Remove(engine);
            }
            else
            {
                idle.Push(engine);
            }
        }

        slots.Release();
        if (stop)
        {
            if (!disposed)
            {
                EngineReplaced(logger, Id, engine.ProcessId, engine.HasExited ? "it exited" : "its state is unknown");
            }

            await engine.DisposeAsync();
        }
    }

    private async Task<GtpEngineProcess> TakeIdleOrStartAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            GtpEngineProcess? candidate = null;
            lock (gate)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                if (idle.Count > 0)
                {
                    candidate = idle.Pop();
                    if (candidate.HasExited)
                    {
                        running.Remove(candidate);
                    }
                }
            }

            if (candidate is null)
            {
                return await StartAsync(cancellationToken);
            }

            if (!candidate.HasExited)
            {
                return candidate;
            }

            EngineDiedIdle(logger, Id, candidate.ProcessId);
            await candidate.DisposeAsync();
        }
    }

    private async Task<GtpEngineProcess> StartAsync(CancellationToken cancellationToken)
    {
        GtpEngineProcess engine;
        try
        {
            engine = await GtpEngineProcess.StartAsync(CommandLine, timeouts, logger, cancellationToken);
        }
        catch (GtpEngineException exception)
        {
            var failures = Interlocked.Increment(ref failedStarts);
            EngineStartFailed(logger, exception, Id, failures);
            throw;
        }

        Interlocked.Exchange(ref failedStarts, 0);
        if (RunsAtIdlePriority && !engine.RunAtIdlePriority())
        {
            IdlePriorityRefused(logger, Id, engine.ProcessId);
        }

        lock (gate)
        {
            if (disposed)
            {
                _ = engine.DisposeAsync().AsTask();
                throw new ObjectDisposedException(nameof(GtpEnginePool));
            }

            running.Add(engine);
        }

        return engine;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GTP engine {EngineId} (process {ProcessId}) is being replaced: {Reason}")]
    private static partial void EngineReplaced(ILogger logger, string engineId, int processId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GTP engine {EngineId} (process {ProcessId}) died while idle; starting a new one")]
    private static partial void EngineDiedIdle(ILogger logger, string engineId, int processId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GTP engine {EngineId} (process {ProcessId}) could not be set to idle priority; it runs at normal priority")]
    private static partial void IdlePriorityRefused(ILogger logger, string engineId, int processId);

    [LoggerMessage(Level = LogLevel.Error, Message = "GTP engine {EngineId} failed to start ({Failures} in a row)")]
    private static partial void EngineStartFailed(ILogger logger, Exception exception, string engineId, int failures);
}
