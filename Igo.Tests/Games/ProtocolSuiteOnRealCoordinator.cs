using Igo.Tests.Compat;
using Igo.Tests.Data;
using Igo.Tests.Infrastructure;

namespace Igo.Tests.Games;

/// <summary>The whole app on a real port with the real coordinator, on a PostgreSQL database of its own.</summary>
public sealed class RealCoordinatorOnPostgresApp : IAsyncLifetime
{
    private readonly PostgresDatabase database = new();

    public AppOnRealPort App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await database.InitializeAsync();
        App = AppOnRealPort.Start(new Dictionary<string, string?> { ["ConnectionStrings:Igo"] = database.ConnectionString });
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await database.DisposeAsync();
    }
}

/// <summary>The whole app on a real port with the real coordinator, on the embedded SQLite default in a folder of its own.</summary>
public sealed class RealCoordinatorOnSqliteApp : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("igo-app-").FullName;

    public AppOnRealPort App { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        App = AppOnRealPort.Start(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Igo"] = string.Empty,
            ["Igo:Data:SqlitePath"] = Path.Combine(folder, "igo.db"),
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

[Trait("Category", "Data")]
public sealed class ProtocolSuiteOnRealCoordinatorWithPostgres(RealCoordinatorOnPostgresApp fixture) : ProtocolSuite, IClassFixture<RealCoordinatorOnPostgresApp>
{
    protected override AppOnRealPort App => fixture.App;
}

[Trait("Category", "Data")]
public sealed class ProtocolSuiteOnRealCoordinatorWithSqlite(RealCoordinatorOnSqliteApp fixture) : ProtocolSuite, IClassFixture<RealCoordinatorOnSqliteApp>
{
    protected override AppOnRealPort App => fixture.App;
}
