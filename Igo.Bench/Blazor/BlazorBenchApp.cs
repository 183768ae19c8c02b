using System.Globalization;
using Igo.Bench.Compat;
using Igo.Testing.Processes;
using Npgsql;

namespace Igo.Bench.Blazor;

/// <summary>
/// The app under a Blazor benchmark: a Release build started as its own process (Igo.Testing's AppProcess), on
/// the embedded SQLite store in a temporary directory, or on a fresh database of the PostgreSQL given with --pg. Games
/// are created through /websocket, which every benchmark client reaches from 127.0.0.1: the per-address limits are
/// raised (sockets and Blazor circuits), as a load from many people would not meet them.
/// </summary>
internal sealed class BlazorBenchApp : IAsyncDisposable
{
    private readonly string directory;
    private readonly string? admin;
    private readonly string? database;

    private BlazorBenchApp(AppProcess process, string directory, string? admin, string? database)
    {
        Process = process;
        SqlitePath = Path.Combine(directory, "igo.db");
        ConnectionString = admin is null || database is null ? null : new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        this.directory = directory;
        this.admin = admin;
        this.database = database;
    }

    public AppProcess Process { get; }

    /// <summary>The embedded store's file (used when the app runs without PostgreSQL).</summary>
    public string SqlitePath { get; }

    /// <summary>The app's PostgreSQL database, when it runs on one.</summary>
    public string? ConnectionString { get; }

    public static async Task<BlazorBenchApp> StartAsync(string? postgres)
    {
        var directory = Path.Combine(Path.GetTempPath(), "igo-blazor-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var environment = new Dictionary<string, string>
        {
            ["Compat__MaxConnectionsPerAddress"] = "100000",
            ["Security__MaxCircuitsPerAddress"] = "100000",
        };
        string? database = null;
        if (postgres is null)
        {
            environment["DATABASE_URL"] = string.Empty;
            environment["ConnectionStrings__Igo"] = string.Empty;
            environment["Igo__Data__SqlitePath"] = Path.Combine(directory, "igo.db");
        }
        else
        {
            database = $"igo_blazor_{Guid.NewGuid():N}"[..24];
            await ExecuteAsync(postgres, $"CREATE DATABASE {database}");
            environment["ConnectionStrings__Igo"] = new NpgsqlConnectionStringBuilder(postgres) { Database = database, Pooling = true }.ConnectionString;
        }

        var process = await AppProcess.StartAsync(environment, CancellationToken.None);
        return new BlazorBenchApp(process, directory, postgres, database);
    }

    /// <summary>Creates games of this size one after the other on one socket and returns both keys of each; the socket's own seat is released by the next game and by its close.</summary>
    public async Task<IReadOnlyList<GameKeys>> CreateGamesAsync(int count, int size)
    {
        var games = new List<GameKeys>(count);
        await using var socket = await Wire.ConnectAsync(Process.WebSocketUri);
        for (var i = 0; i < count; i++)
        {
            await socket.SendAsync(string.Create(CultureInfo.InvariantCulture, $$"""{"type":"new_game","vs":"human","color":"black","size":{{size}},"komi":6.5}"""));
            var created = (await socket.ExpectMessageAsync("new_game_response")).Raw;
            await socket.ExpectMessageAsync("game_status");
            await socket.ExpectMessageAsync("chat");
            await socket.ExpectMessageAsync("opponent_connected");
            games.Add(new GameKeys(Wire.KeyOf(created, "black"), Wire.KeyOf(created, "white")));
        }

        return games;
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        if (admin is not null && database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Only a temporary directory.
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The two keys of a game; a page opens a game with one of them at /game/{key}.</summary>
internal sealed record GameKeys(string Black, string White)
{
    public static string PathOf(string key) => $"/game/{Uri.EscapeDataString(key)}";
}
