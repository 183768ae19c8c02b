using Igo.Data.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Igo.Tests.Data;

/// <summary>Where a test's instances keep their data: a PostgreSQL database or a SQLite file, started the same way.</summary>
public interface IStoreFixture
{
    Task<TestHost> StartInstanceAsync(Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null, Guid? instanceId = null);
}

public sealed class PostgresStore : IStoreFixture, IAsyncLifetime
{
    private readonly PostgresDatabase database = new();

    public string ConnectionString => database.ConnectionString;

    public Task<TestHost> StartInstanceAsync(Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null, Guid? instanceId = null) =>
        TestHost.StartAsync(database.ConnectionString, configure: configure, settings: settings, instanceId: instanceId);

    public ValueTask InitializeAsync() => database.InitializeAsync();

    public ValueTask DisposeAsync() => database.DisposeAsync();
}

/// <summary>
/// A SQLite file in a fresh folder. Instances started on it share one in-process bus, standing in for the one process
/// the embedded default is meant for, so the same multi-coordinator tests run on it.
/// </summary>
public sealed class SqliteStore : IStoreFixture, IAsyncDisposable
{
    private readonly InProcessGameEventBus bus = new(NullLogger<InProcessGameEventBus>.Instance);

    public string Folder { get; } = Directory.CreateTempSubdirectory("igo-sqlite-").FullName;

    public Task<TestHost> StartInstanceAsync(Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null, Guid? instanceId = null) =>
        TestHost.StartAsync(
            null,
            Folder,
            services =>
            {
                services.AddSingleton<IGameEventBus>(bus);
                configure?.Invoke(services);
            },
            settings,
            instanceId);

    public async ValueTask DisposeAsync()
    {
        await bus.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
