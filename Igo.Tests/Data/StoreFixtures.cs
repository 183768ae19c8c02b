namespace Igo.Tests.Data;

/// <summary>Where a test's instances keep their data: a PostgreSQL database or a SQLite file, started the same way.</summary>
public interface IStoreFixture
{
    Task<TestHost> StartInstanceAsync(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null, Guid? instanceId = null);
}

public sealed class PostgresStore : IStoreFixture, IAsyncLifetime
{
    private readonly PostgresDatabase database = new();

    public string ConnectionString => database.ConnectionString;

    public Task<TestHost> StartInstanceAsync(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null, Guid? instanceId = null) =>
        TestHost.StartAsync(database.ConnectionString, configure: configure, settings: settings, instanceId: instanceId);

    public ValueTask InitializeAsync() => database.InitializeAsync();

    public ValueTask DisposeAsync() => database.DisposeAsync();
}

public sealed class SqliteStore : IStoreFixture, IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("igo-sqlite-").FullName;

    public Task<TestHost> StartInstanceAsync(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null, Guid? instanceId = null) =>
        TestHost.StartAsync(null, Folder, configure, settings, instanceId);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
