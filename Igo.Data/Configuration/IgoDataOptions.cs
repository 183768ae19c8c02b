namespace Igo.Data.Configuration;

/// <summary>Settings under <c>Igo:Data</c>. Where the database is comes from <c>DATABASE_URL</c> or <c>ConnectionStrings:Igo</c>.</summary>
public sealed class IgoDataOptions
{
    public const string Section = "Igo:Data";

    /// <summary>The embedded default's SQLite file, relative to the app's content root.</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "igo.db");

    /// <summary>Apply pending migrations to PostgreSQL at start (the embedded SQLite file is always created when missing).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
