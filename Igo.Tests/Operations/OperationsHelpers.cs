using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Igo.Testing.Waiting;
using Igo.Tests.Infrastructure;
using Npgsql;

namespace Igo.Tests.Operations;

/// <summary>Small helpers the operations tests share: an app on PostgreSQL, health reads, the key table.</summary>
internal static class OperationsHelpers
{
    public static AppOnRealPort StartOnPostgres(string connectionString, Guid? instanceId = null, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Igo"] = connectionString,
            ["Igo:InstanceId"] = (instanceId ?? Guid.NewGuid()).ToString(),
            ["Igo:Events:ReconnectMaxDelay"] = "00:00:00.5",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return AppOnRealPort.Start(settings);
    }

    public static AppOnRealPort StartOnSqlite(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Igo:Data:SqlitePath"] = Path.Combine(Directory.CreateTempSubdirectory("igo-ops-").FullName, "igo.db"),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return AppOnRealPort.Start(settings);
    }

    public static HttpClient Client(Uri baseAddress) => new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(20) };

    /// <summary>GET a health endpoint: its status code and parsed body.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body, string ContentType)> HealthAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);
        return (response.StatusCode, document.RootElement.Clone(), response.Content.Headers.ContentType?.MediaType ?? string.Empty);
    }

    /// <summary>Polls /readyz until it answers with this status (the listener connects just after start).</summary>
    public static async Task<JsonElement> WaitForReadinessAsync(HttpClient client, HttpStatusCode expected, TimeSpan? timeout = null)
    {
        var (_, body, _) = await Eventually.QueriesAsync(
            () => HealthAsync(client, "/readyz"),
            health => health.Status == expected,
            TestContext.Current.CancellationToken,
            timeout ?? TimeSpan.FromSeconds(15),
            $"/readyz to answer {expected}");
        return body;
    }

    public static string CheckStatus(this JsonElement body, string check) =>
        body.GetProperty("checks").GetProperty(check).GetProperty("status").GetString()!;

    /// <summary>Which instance holds each key (null: free).</summary>
    public static async Task<Guid?> HolderAsync(string connectionString, string key)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT held_by_instance FROM player_keys WHERE key = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        var value = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return value is Guid id ? id : null;
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
