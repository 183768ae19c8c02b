namespace Igo.Data.Configuration;

/// <summary>Settings under <c>Igo:Data</c>. Where the database is comes from <c>DATABASE_URL</c> or <c>ConnectionStrings:Igo</c>.</summary>
public sealed class IgoDataOptions
{
    public const string Section = "Igo:Data";

    /// <summary>The embedded default's SQLite file, relative to the app's content root.</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "igo.db");

    /// <summary>Apply pending migrations to PostgreSQL at start (the embedded SQLite file is always created when missing).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// Most pooled PostgreSQL connections this instance opens at once (Npgsql's <c>Maximum Pool Size</c>). Group commit
    /// needs only a few; the cap leaves a stock server (<c>max_connections</c> 100) room for three instances, their
    /// listeners and an operator's tools (docs/DEPLOYMENT.md, "Connections").
    /// </summary>
    public int MaxPoolSize { get; set; } = 20;

    /// <summary>
    /// How long a caller waits for a pooled connection when all are busy before it fails (Npgsql's <c>Timeout</c>, which
    /// also bounds opening a new connection). Whole seconds.
    /// </summary>
    public TimeSpan PoolWaitTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
