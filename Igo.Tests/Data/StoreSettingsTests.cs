using Igo.Data.Configuration;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Igo.Tests.Data;

[Trait("Category", "Data")]
public sealed class StoreSettingsTests
{
    private static StoreSettings Resolve(params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
        return StoreSettings.Resolve(configuration, "/srv/igo", new IgoDataOptions());
    }

    [Fact]
    public void Nothing_configured_means_the_SQLite_file_under_the_content_root()
    {
        var store = Resolve(("ConnectionStrings:Igo", string.Empty));

        Assert.Equal(StoreKind.Sqlite, store.Kind);
        Assert.Contains("/srv/igo/data/igo.db", store.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Heroku_style_DATABASE_URL_wins_over_the_connection_string()
    {
        var store = Resolve(
            ("DATABASE_URL", "postgres://alice:s%40cret@db.example:6543/games?sslmode=require"),
            ("ConnectionStrings:Igo", "Host=other;Database=x"));

        var pg = new NpgsqlConnectionStringBuilder(store.ConnectionString);
        Assert.Equal(StoreKind.PostgreSql, store.Kind);
        Assert.Equal(("db.example", 6543, "games", "alice", "s@cret", SslMode.Require), (pg.Host, pg.Port, pg.Database, pg.Username, pg.Password, pg.SslMode));
    }

    [Fact]
    public void A_connection_string_selects_PostgreSQL_and_the_description_hides_the_password()
    {
        var store = Resolve(("ConnectionStrings:Igo", "Host=db;Port=5433;Database=igo;Username=igo;Password=hunter2"));

        Assert.Equal(StoreKind.PostgreSql, store.Kind);
        Assert.Equal("PostgreSQL igo@db:5433/igo with LISTEN/NOTIFY", store.Describe());
        Assert.DoesNotContain("hunter2", store.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_URI_without_a_port_uses_the_default_one()
    {
        var pg = new NpgsqlConnectionStringBuilder(PostgresUri.ToConnectionString("postgresql://bob@localhost/igo"));

        Assert.Equal(("localhost", 5432, "igo", "bob"), (pg.Host, pg.Port, pg.Database, pg.Username));
    }

    [Fact]
    public void A_malformed_URI_is_refused_with_the_expected_shape()
    {
        var error = Assert.Throws<FormatException>(() => PostgresUri.ToConnectionString("postgres://"));

        Assert.Contains("postgres://user:password@host:port/database", error.Message, StringComparison.Ordinal);
    }
}
