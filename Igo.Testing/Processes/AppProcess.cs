using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Igo.Testing.Waiting;

namespace Igo.Testing.Processes;

/// <summary>
/// The Igo app as a separate operating-system process (<c>dotnet Igo.Web.dll</c> from the Igo.Web build output), on a
/// free loopback port: the only way to test what a SIGKILL does. Its output is kept (the last lines) for failure messages.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private const int KeptLines = 200;

    private readonly Process process;
    private readonly Queue<string> output = new();

    private AppProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public Uri WebSocketUri => new UriBuilder(BaseAddress) { Scheme = "ws", Path = "/websocket" }.Uri;

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string RecentOutput
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    /// <summary>Starts the app with these environment variables and waits until it answers HTTP.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var web = WebOutputDirectory();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(web, "Igo.Web.dll"), "--urls", $"http://127.0.0.1:{port}", "--contentRoot", web })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), port);
        try
        {
            await app.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>SIGKILL: no shutdown code runs, no key is released, no socket is closed cleanly.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    /// <summary>Igo.Web's build output, beside the running project's (the tests' or the benchmarks': same configuration and framework).</summary>
    private static string WebOutputDirectory()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = tests.Name;
        var configuration = tests.Parent!.Name;
        var directory = tests;
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Igo.sln")))
        {
            directory = directory.Parent;
        }

        var web = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Igo.sln not found above the running program"), "Igo.Web", "bin", configuration, framework);
        return File.Exists(Path.Combine(web, "Igo.Web.dll")) ? web : throw new InvalidOperationException($"Build Igo.Web first: no {web}/Igo.Web.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await Eventually.QueriesAsync(
                async () =>
                {
                    if (process.HasExited)
                    {
                        throw new InvalidOperationException($"The app exited with {process.ExitCode} before it was ready:\n{RecentOutput}");
                    }

                    try
                    {
                        using var response = await http.GetAsync(new Uri("/websocket", UriKind.Relative), cancellationToken);
                        return (HttpStatusCode?)response.StatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        return null; // Not listening yet.
                    }
                    catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        return null; // Slow first request while starting.
                    }
                },
                status => status == HttpStatusCode.BadRequest, // /websocket refuses a plain GET: the app is serving
                cancellationToken,
                timeout,
                "the app to answer a plain GET of /websocket with 400");
        }
        catch (TimeoutException notReady)
        {
            throw new TimeoutException($"The app was not ready within {timeout}:\n{RecentOutput}", notReady);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Enqueue(line);
            while (output.Count > KeptLines)
            {
                output.Dequeue();
            }
        }
    }
}
