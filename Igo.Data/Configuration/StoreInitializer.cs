using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Igo.Data.Configuration;

/// <summary>
/// Runs first at start: says which store the app uses (never the password), creates the SQLite file and its tables
/// when missing (EF's PostgreSQL migrations do not run on SQLite), or applies pending PostgreSQL migrations.
/// </summary>
internal sealed partial class StoreInitializer(
    StoreSettings store,
    IDbContextFactory<IgoDbContext> contexts,
    IOptions<IgoDataOptions> options,
    ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        LogStore(store.Describe());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (store.Kind == StoreKind.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await db.Database.EnsureCreatedAsync(cancellationToken);

            // WAL lets readers go on while one connection writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        else if (options.Value.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Store: {Store}")]
    private partial void LogStore(string store);
}
