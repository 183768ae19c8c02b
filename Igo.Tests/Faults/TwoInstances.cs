using Igo.Testing.Processes;
using Igo.Tests.Data;
using Npgsql;

namespace Igo.Tests.Faults;

/// <summary>
/// Two real app processes on one fresh PostgreSQL database, by default with a short presence lease so that a killed
/// instance's keys come free in seconds even without the listener lock (<paramref name="settings"/>: environment
/// variables instead of that lease; empty for the app's defaults). The first is started alone so that it applies the
/// migrations before the second starts.
/// </summary>
public sealed class TwoInstances(IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyDictionary<string, string> settings = settings ?? new Dictionary<string, string>
    {
        ["Igo__Presence__Lease"] = Lease.ToString(),
        ["Igo__Presence__Heartbeat"] = Heartbeat.ToString(),
    };

    public string ConnectionString { get; private set; } = string.Empty;

    public AppProcess A { get; private set; } = null!;

    public AppProcess B { get; private set; } = null!;

    public StoreProbe Store { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync("faults");
        Store = new StoreProbe(ConnectionString);
        A = await StartAsync();
        B = await StartAsync();
    }

    /// <summary>Starts one more instance on the same database (to replace a killed one).</summary>
    public Task<AppProcess> StartAsync()
    {
        var environment = new Dictionary<string, string>(settings)
        {
            ["ConnectionStrings__Igo"] = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = true }.ConnectionString,
        };
        return AppProcess.StartAsync(environment, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }
}

/// <summary>The fault tests run one at a time: each starts real processes, and timing under a shared CPU matters.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialFaults
{
    public const string Name = "Faults";
}
