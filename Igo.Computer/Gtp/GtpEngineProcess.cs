using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Igo.Computer.Gtp;

/// <summary>
/// One running GTP engine: commands go to its standard input with an id, answers are read from its standard output
/// in the background and matched by id. One command at a time (callers queue). A command that times out kills the
/// process, because its late answer would otherwise be taken for the next command's; the pool then starts a new one.
/// The engine also exits by itself when our process dies, since its standard input closes.
/// </summary>
public sealed partial class GtpEngineProcess : IAsyncDisposable
{
    private static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(2);

    private readonly Process process;
    private readonly ILogger logger;
    private readonly Channel<GtpResponse> responses = Channel.CreateUnbounded<GtpResponse>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly SemaphoreSlim oneCommandAtATime = new(1, 1);
    private readonly Task readingOutput;
    private readonly Task drainingErrors;
    private int nextId = 1;
    private int disposed;

    private GtpEngineProcess(Process process, GtpCommandLine commandLine, GtpTimeouts timeouts, ILogger logger)
    {
        this.process = process;
        this.logger = logger;
        CommandLine = commandLine;
        Timeouts = timeouts;
        ProcessId = process.Id;
        readingOutput = Task.Run(ReadOutputAsync);
        drainingErrors = Task.Run(DrainErrorsAsync);
    }

    public GtpCommandLine CommandLine { get; }

    public GtpTimeouts Timeouts { get; }

    public int ProcessId { get; }

    public bool HasExited
    {
        get
        {
            try
            {
                return process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    /// <summary>The commands the engine says it knows (<c>list_commands</c>), read once at start.</summary>
    public IReadOnlySet<string> KnownCommands { get; private set; } = new HashSet<string>();

    /// <summary>What the pool's user last set up on this engine (see <see cref="GtpPositionSync"/>); null after a restart.</summary>
    internal object? Position { get; set; }

    /// <summary>Starts the engine and checks that it speaks GTP (it must answer <c>list_commands</c> in time).</summary>
    public static async Task<GtpEngineProcess> StartAsync(GtpCommandLine commandLine, GtpTimeouts timeouts, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(timeouts);
        var executable = commandLine.ResolveExecutable() ?? throw new GtpEngineException($"The engine '{commandLine.Command}' is not installed.");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in commandLine.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new GtpEngineException($"The engine '{commandLine.Command}' did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new GtpEngineException($"The engine '{commandLine.Command}' could not be started.", exception);
        }

        var engine = new GtpEngineProcess(process, commandLine, timeouts, logger);
        try
        {
            var commands = await engine.SendAsync("list_commands", timeouts.Command, cancellationToken);
            if (!commands.Success)
            {
                throw new GtpEngineException($"The engine '{commandLine.Command}' refused list_commands: {commands.Text}");
            }

            engine.KnownCommands = commands.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            EngineStarted(logger, commandLine, engine.ProcessId);
            return engine;
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    public bool Knows(string command) => KnownCommands.Contains(command);

    /// <summary>
    /// Runs the engine at the lowest scheduling priority (nice 19, and on Linux also the <c>SCHED_IDLE</c> policy where
    /// allowed), for background work that must not slow the games; false when the system refuses nice 19.
    /// </summary>
    public bool RunAtIdlePriority()
    {
        try
        {
            process.PriorityClass = ProcessPriorityClass.Idle;
            LinuxIdleScheduling.TryApply(process.Id);
            return true;
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception or PlatformNotSupportedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sends one command and returns the engine's answer (a <c>?</c> answer is returned, not thrown).
    /// Throws <see cref="GtpEngineException"/> when the engine is gone or does not answer within <paramref name="timeout"/>.
    /// </summary>
    public async Task<GtpResponse> SendAsync(string command, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        if (command.Any(char.IsControl))
        {
            throw new ArgumentException("A GTP command is one line without control characters.", nameof(command));
        }

        await oneCommandAtATime.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
            var id = nextId++;
            try
            {
                await process.StandardInput.WriteAsync($"{id} {command}\n".AsMemory(), cancellationToken);
                await process.StandardInput.FlushAsync(cancellationToken);
            }
            catch (IOException exception)
            {
                throw new GtpEngineException($"The engine '{CommandLine.Command}' is not running.", exception);
            }

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                while (true)
                {
                    var response = await responses.Reader.ReadAsync(deadline.Token);
                    if (response.Id is null || response.Id == id)
                    {
                        return response;
                    }

                    // An answer to an earlier command (one that was abandoned): skip it.
                    StaleAnswerSkipped(logger, response.Id, id);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Kill();
                throw new GtpEngineException($"The engine '{CommandLine.Command}' did not answer '{FirstWord(command)}' within {timeout.TotalSeconds:0.#} s.");
            }
            catch (OperationCanceledException)
            {
                // The caller gave up while the engine may still be thinking (a long genmove): killing it is the quickest
                // way to free the slot, and the pool starts a fresh one.
                Kill();
                throw;
            }
            catch (ChannelClosedException exception)
            {
                throw new GtpEngineException($"The engine '{CommandLine.Command}' exited.", exception);
            }
        }
        finally
        {
            oneCommandAtATime.Release();
        }
    }

    /// <summary>Ends the engine at once (tests use it to simulate a crash).</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (!HasExited)
            {
                await process.StandardInput.WriteAsync("quit\n");
                await process.StandardInput.FlushAsync();
                using var grace = new CancellationTokenSource(QuitGrace);
                await process.WaitForExitAsync(grace.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or InvalidOperationException)
        {
            // It did not quit politely.
        }

        Kill();
        await Task.WhenAll(readingOutput, drainingErrors).WaitAsync(QuitGrace).ContinueWith(_ => { }, TaskScheduler.Default);
        EngineStopped(logger, CommandLine, ProcessId);
        process.Dispose();
        oneCommandAtATime.Dispose();
    }

    private static string FirstWord(string command) => command.Split(' ', 2)[0];

    private async Task ReadOutputAsync()
    {
        var parser = new GtpResponseParser();
        try
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (parser.Feed(line) is { } response)
                {
                    responses.Writer.TryWrite(response);
                }
            }

            if (parser.Flush() is { } last)
            {
                responses.Writer.TryWrite(last);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The pipe broke: the engine is gone.
        }
        finally
        {
            responses.Writer.TryComplete();
        }
    }

    private async Task DrainErrorsAsync()
    {
        // An engine blocks once its standard error fills the pipe, so read it even though only debug logging shows it.
        try
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                EngineStandardError(logger, ProcessId, line);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The pipe broke: the engine is gone.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started GTP engine {CommandLine} as process {ProcessId}")]
    private static partial void EngineStarted(ILogger logger, GtpCommandLine commandLine, int processId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped a stale GTP answer with id {StaleId} while waiting for {Id}")]
    private static partial void StaleAnswerSkipped(ILogger logger, int? staleId, int id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped GTP engine {CommandLine} (process {ProcessId})")]
    private static partial void EngineStopped(ILogger logger, GtpCommandLine commandLine, int processId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "GTP engine {ProcessId} stderr: {Line}")]
    private static partial void EngineStandardError(ILogger logger, int processId, string line);
}
