using DotNet.Testcontainers.Builders;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Igo.Tests.Data;

/// <summary>
/// The PostgreSQL server the data tests use: <c>IGO_TEST_PG</c> (./test.sh starts a throwaway cluster and sets it), else a
/// Testcontainers container where Docker exists. Each test class makes its own uniquely named database on it.
/// </summary>
internal static class TestPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? server;

    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var admin = await ServerAsync();
        var name = $"igo_{purpose}_{Guid.NewGuid():N}".ToLowerInvariant();
        name = name[..Math.Min(name.Length, 63)];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await ServerAsync());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<string> ServerAsync()
    {
        if (Environment.GetEnvironmentVariable("IGO_TEST_PG") is { Length: > 0 } configured)
        {
            return configured;
        }

        await Gate.WaitAsync();
        try
        {
            if (server is null)
            {
                try
                {
                    var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
                    await container.StartAsync();
                    server = container.GetConnectionString();
                }
                catch (DockerUnavailableException exception)
                {
                    throw new InvalidOperationException("No PostgreSQL for the data tests: run ./test.sh (it starts one and sets IGO_TEST_PG), set IGO_TEST_PG, or start Docker.", exception);
                }
            }

            return server;
        }
        finally
        {
            Gate.Release();
        }
    }
}

/// <summary>A fresh, empty database for one test class, dropped afterwards.</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync() => ConnectionString = await TestPostgres.CreateDatabaseAsync("t");

    public async ValueTask DisposeAsync() => await TestPostgres.DropDatabaseAsync(ConnectionString);
}
