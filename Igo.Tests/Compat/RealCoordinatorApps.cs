using Igo.Data.Configuration;
using Igo.Tests.Data;
using Igo.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Igo.Tests.Compat;

/// <summary>
/// The whole app, real coordinator included, on a real port: on a fresh PostgreSQL database of its own (from
/// IGO_TEST_PG), with a second instance on the same database when a test asks for one.
/// </summary>
public class PostgresCompatApp : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public AppOnRealPort App { get; private set; } = null!;

    /// <summary>Settings of a derived fixture, over the shared apps' (SharedAppLimits).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>An app instance of its own (its own instance id) on the given database.</summary>
    public static AppOnRealPort StartInstance(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var values = SharedAppLimits.With(settings);
        values["ConnectionStrings:Igo"] = connectionString;
        values["Igo:InstanceId"] = Guid.NewGuid().ToString();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return ExpectStore(AppOnRealPort.Start(values, services), StoreKind.PostgreSql);
    }

    /// <summary>Fails at once when the app did not pick the store the test meant (a stray DATABASE_URL, say).</summary>
    internal static AppOnRealPort ExpectStore(AppOnRealPort app, StoreKind kind)
    {
        var store = app.Services.GetRequiredService<StoreSettings>();
        return store.Kind == kind ? app : throw new InvalidOperationException($"The app runs on {store.Kind}, not {kind}");
    }

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync("compat");
        App = StartInstance(ConnectionString, Settings);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The whole app on its embedded default store (a SQLite file in a temporary folder, in-process events).</summary>
public class EmbeddedCompatApp : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("igo-compat-").FullName;

    public AppOnRealPort App { get; private set; } = null!;

    /// <summary>Settings of a derived fixture, over the shared apps' (SharedAppLimits).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public ValueTask InitializeAsync()
    {
        App = PostgresCompatApp.ExpectStore(
            AppOnRealPort.Start(SharedAppLimits.With(new Dictionary<string, string?>(Settings ?? new Dictionary<string, string?>())
            {
                ["ConnectionStrings:Igo"] = string.Empty,
                ["Igo:Data:SqlitePath"] = Path.Combine(folder, "igo.db"),
            })),
            StoreKind.Sqlite);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The protocol suite against the real coordinator on PostgreSQL.</summary>
[Trait("Category", "Compat")]
public sealed class ProtocolSuiteOnPostgres(PostgresCompatApp fixture) : ProtocolSuite, IClassFixture<PostgresCompatApp>
{
    protected override AppOnRealPort App => fixture.App;
}

/// <summary>The protocol suite against the real coordinator on the embedded default.</summary>
[Trait("Category", "Compat")]
public sealed class ProtocolSuiteOnEmbeddedStore(EmbeddedCompatApp fixture) : ProtocolSuite, IClassFixture<EmbeddedCompatApp>
{
    protected override AppOnRealPort App => fixture.App;
}

/// <summary>The bad-input suite against the real coordinator on PostgreSQL.</summary>
[Trait("Category", "Compat")]
public sealed class BadInputSuiteOnPostgres(PostgresCompatApp fixture) : BadInputSuite, IClassFixture<PostgresCompatApp>
{
    protected override AppOnRealPort App => fixture.App;
}
