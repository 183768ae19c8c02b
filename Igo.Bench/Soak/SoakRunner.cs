using System.Diagnostics;
using System.Globalization;
using Igo.Testing.Processes;
using Npgsql;

namespace Igo.Bench.Soak;

/// <summary>
/// The soak (issue 7): two app processes on one fresh PostgreSQL database (started as the fault tests start them,
/// with Igo.Testing's AppProcess), N seat pairs playing game after game for a duration, black on one instance and
/// white on the other. Every 10 s each instance is sampled; at the end a table, and exit code 1 on any error or when
/// the working set, the GC heap or the open sockets grew beyond the threshold from the middle third of the run to the
/// last third (the first third is warm-up).
/// <code>dotnet run -c Release --project Igo.Bench -- soak --games 200 --minutes 10 --pg "$IGO_TEST_PG"</code>
/// </summary>
public static class SoakRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var settings = SoakSettings.Parse(args);
        var database = $"igo_soak_{Guid.NewGuid():N}"[..24];
        var admin = settings.Postgres;
        await ExecuteAsync(admin, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database, Pooling = true }.ConnectionString;
        try
        {
            // One after the other: the first applies the migrations. Default limits: each seat pair has its own address.
            var environment = new Dictionary<string, string> { ["ConnectionStrings__Igo"] = connectionString };
            await using var a = await AppProcess.StartAsync(environment, CancellationToken.None);
            await using var b = await AppProcess.StartAsync(environment, CancellationToken.None);
            return await SoakAsync(settings, a, b);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static async Task<int> SoakAsync(SoakSettings settings, AppProcess a, AppProcess b)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak: {settings.Games} games for {settings.Duration}, {settings.Moves} moves each, think {settings.ThinkTime.TotalMilliseconds} ms; instances pid {a.ProcessId} and {b.ProcessId}"));
        var errors = new SoakErrors();
        var clock = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow + settings.Duration;
        using var stopping = new CancellationTokenSource(settings.Duration + TimeSpan.FromMinutes(1));
        var games = Enumerable.Range(0, settings.Games)
            .Select(i => i % 2 == 0 ? new SoakGame(i, a.WebSocketUri, b.WebSocketUri, settings, errors) : new SoakGame(i, b.WebSocketUri, a.WebSocketUri, settings, errors))
            .ToList();
        var running = games.Select(game => game.RunAsync(deadline, stopping.Token)).ToList();

        using var samplerA = new InstanceSampler(a.ProcessId, a.BaseAddress);
        using var samplerB = new InstanceSampler(b.ProcessId, b.BaseAddress);
        var samples = new List<(InstanceSample A, InstanceSample B, int Errors)>();
        using var ticks = new PeriodicTimer(SoakSettings.SampleInterval);
        SoakReport.PrintHeader();
        while (await ticks.WaitForNextTickAsync() && DateTime.UtcNow < deadline)
        {
            if (a.HasExited || b.HasExited)
            {
                errors.Add(-1, "an instance exited");
                break;
            }

            samples.Add((await samplerA.SampleAsync(clock.Elapsed), await samplerB.SampleAsync(clock.Elapsed), errors.Count));
            SoakReport.PrintRow(samples[^1]);
        }

        await Task.WhenAll(running);
        return SoakReport.Verdict(settings, samples, errors, games.Sum(g => g.GamesPlayed), games.Sum(g => g.Actions), clock.Elapsed);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
