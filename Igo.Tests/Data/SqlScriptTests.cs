using Igo.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Igo.Tests.Data;

[Trait("Category", "Data")]
public sealed class SqlScriptTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public void Sql_folder_script_is_what_the_migrations_generate()
    {
        using var db = new IgoDbContextDesignFactory().CreateDbContext([]);
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var stored = File.ReadAllText(ScriptPath());

        Assert.True(
            Normalise(generated) == Normalise(stored),
            "sql/igo.sql is stale: run `dotnet ef migrations script --idempotent -o sql/igo.sql --project Igo.Data --startup-project Igo.Data`");
    }

    [Fact]
    public async Task Sql_script_applies_twice_to_an_empty_database_and_gives_the_model_s_schema()
    {
        var cancel = TestContext.Current.CancellationToken;
        var script = await File.ReadAllTextAsync(ScriptPath(), cancel);

        await ExecuteAsync(script, cancel);
        await ExecuteAsync(script, cancel);

        var options = new DbContextOptionsBuilder<IgoDbContext>().UseNpgsql(database.ConnectionString).Options;
        await using var db = new IgoDbContext(options);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(cancel));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(cancel));
        Assert.Equal(0, await db.Games.CountAsync(cancel));
        Assert.Equal(0, await db.ChatMessages.CountAsync(cancel));
    }

    private async Task ExecuteAsync(string script, CancellationToken cancel)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancel);
        await using var command = new NpgsqlCommand(script.TrimStart('\uFEFF'), connection);
        await command.ExecuteNonQueryAsync(cancel);
    }

    private static string Normalise(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    internal static string ScriptPath() => Path.Combine(RepositoryRoot(), "sql", "igo.sql");

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Igo.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Igo.sln not found above " + AppContext.BaseDirectory);
    }
}
