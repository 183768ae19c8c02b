using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Igo.Data.Configuration;

public enum StoreKind
{
    /// <summary>The embedded default: a SQLite file and the in-process event bus (one instance).</summary>
    Sqlite,

    /// <summary>PostgreSQL with LISTEN/NOTIFY: any number of instances share it.</summary>
    PostgreSql,
}

/// <summary>Which store the app uses and how to reach it, resolved once from configuration.</summary>
public sealed record StoreSettings(StoreKind Kind, string ConnectionString)
{
    /// <summary>
    /// <c>DATABASE_URL</c> (a postgres:// URI, as Heroku sets it) wins over <c>ConnectionStrings:Igo</c>
    /// (an Npgsql connection string or a URI); with neither, the SQLite file under <paramref name="contentRoot"/>.
    /// </summary>
    public static StoreSettings Resolve(IConfiguration configuration, string contentRoot, IgoDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var configured = configuration["DATABASE_URL"] is { Length: > 0 } url ? url : configuration.GetConnectionString("Igo");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new StoreSettings(StoreKind.PostgreSql, PostgresUri.IsUri(configured) ? PostgresUri.ToConnectionString(configured) : configured);
        }

        var path = Path.GetFullPath(Path.Combine(contentRoot, options.SqlitePath));
        return new StoreSettings(StoreKind.Sqlite, $"Data Source={path};Pooling=True");
    }

    /// <summary>Where the store is, for the start-up log: never the password.</summary>
    public string Describe()
    {
        if (Kind == StoreKind.Sqlite)
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString);
            return $"SQLite file {builder.DataSource} with the in-process event bus";
        }

        var pg = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {pg.Username}@{pg.Host}:{pg.Port}/{pg.Database} with LISTEN/NOTIFY";
    }
}
