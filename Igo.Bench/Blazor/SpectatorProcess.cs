using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Igo.Bench.Blazor;

/// <summary>
/// The benchmark's side of <see cref="SpectatorClients"/>: this program again, as <c>nice -n 19 dotnet Igo.Bench.dll
/// blazor-spectators …</c>. Linux's nice is per thread and a process's threads inherit it, so the whole client process,
/// its SignalR connections and thread pool, runs at the lowest priority, while the app and Chromium keep theirs.
/// </summary>
internal sealed class SpectatorProcess : IAsyncDisposable
{
    private readonly Process process;

    private SpectatorProcess(Process process) => this.process = process;

    public int Count { get; private set; }

    public int Failed { get; private set; }

    public static SpectatorProcess Start(Uri baseAddress, string watchPath, int niceness)
    {
        var start = new ProcessStartInfo("nice")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-n", niceness.ToString(CultureInfo.InvariantCulture), "dotnet", typeof(SpectatorProcess).Assembly.Location, "blazor-spectators", baseAddress.ToString(), watchPath })
        {
            start.ArgumentList.Add(argument);
        }

        return new SpectatorProcess(Process.Start(start) ?? throw new InvalidOperationException("nice did not start"));
    }

    public async Task OpenAsync(int count)
    {
        var opened = await AskAsync<SpectatorsOpened>($"open {count}");
        (Count, Failed) = (opened.Count, opened.Failed);
    }

    public async Task<SpectatorReport> ReportAsync(IEnumerable<(string Colour, string Point, double At)> moves, double start, double end)
    {
        var request = new SpectatorReportRequest([.. moves.Select(m => new MadeMove(m.Colour, m.Point, m.At))], start, end);
        var report = await AskAsync<SpectatorReport>("report " + JsonSerializer.Serialize(request));
        Failed = report.Failed;
        report.Latencies.Sort();
        return report;
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private async Task<T> AskAsync<T>(string command)
    {
        await process.StandardInput.WriteLineAsync(command);
        await process.StandardInput.FlushAsync();
        var answer = await process.StandardOutput.ReadLineAsync()
            ?? throw new InvalidOperationException($"The spectators' process ended (exit code {(process.HasExited ? process.ExitCode : -1)})");
        return JsonSerializer.Deserialize<T>(answer) ?? throw new InvalidOperationException("No answer: " + answer);
    }
}
