using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
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
        var description = store.Describe();
        LogStore(description);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (store.Kind == StoreKind.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await EnsureSqliteSchemaAsync(db, cancellationToken);

            // WAL lets readers go on while one connection writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        else if (options.Value.MigrateOnStart)
        {
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(cancellationToken))
            {
                await creator.CreateAsync(cancellationToken);
            }

            // Creating the history table first spares a fresh database EF's logged "failed command" when it probes for it.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// EnsureCreated makes the tables of a new file but never changes an existing one, so the file records the
    /// schema it was made with (the number of migrations, in SQLite's user_version). An older file is brought up to
    /// date step by step (<see cref="SqliteUpgrades"/>), each step in a transaction; one it cannot upgrade is reported.
    /// </summary>
    private async Task EnsureSqliteSchemaAsync(IgoDbContext db, CancellationToken cancellationToken)
    {
        var schema = db.Database.GetMigrations().Count();
        if (await db.Database.EnsureCreatedAsync(cancellationToken))
        {
            await SetSchemaAsync(db, schema, cancellationToken);
            return;
        }

        var fileSchema = await db.Database.SqlQueryRaw<int>("SELECT user_version AS \"Value\" FROM pragma_user_version").SingleAsync(cancellationToken);
        while (fileSchema < schema && SqliteUpgrades.From(fileSchema) is { } step)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var statement in step)
            {
                await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
            }

            await SetSchemaAsync(db, fileSchema + 1, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogSqliteUpgraded(fileSchema, fileSchema + 1);
            fileSchema++;
        }

        if (fileSchema != schema)
        {
            LogOldSqliteFile(fileSchema, schema);
        }
    }

    private static Task<int> SetSchemaAsync(IgoDbContext db, int schema, CancellationToken cancellationToken)
    {
        // PRAGMA takes no parameters; the value is a count, not input.
        var setVersion = "PRAGMA user_version = " + schema.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";
        return db.Database.ExecuteSqlRawAsync(setVersion, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The SQLite file was upgraded from schema {From} to {To}")]
    private partial void LogSqliteUpgraded(int from, int to);

    [LoggerMessage(Level = LogLevel.Error, Message = "The SQLite file has schema {FileSchema} but this version of Igo expects {Schema}: move it aside to start afresh, or use PostgreSQL, whose migrations upgrade in place")]
    private partial void LogOldSqliteFile(int fileSchema, int schema);

    [LoggerMessage(Level = LogLevel.Information, Message = "Store: {Store}")]
    private partial void LogStore(string store);
}
