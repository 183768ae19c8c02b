using System.Net;
using Igo.Tests.Data;
using Igo.Web.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Igo.Tests.Operations;

[Trait("Category", "Operations")]
public sealed class HealthEndpointTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Readiness_is_200_with_each_check_named_once_the_database_is_migrated_and_the_listener_connected()
    {
        await using var app = OperationsHelpers.StartOnPostgres(database.ConnectionString);
        using var client = OperationsHelpers.Client(app.BaseAddress);

        var ready = await OperationsHelpers.WaitForReadinessAsync(client, HttpStatusCode.OK);
        var (liveStatus, live, liveType) = await OperationsHelpers.HealthAsync(client, "/healthz");

        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.CheckStatus("store"));
        Assert.Equal("Healthy", ready.CheckStatus("events"));
        Assert.Equal("Healthy", ready.CheckStatus("shutdown"));
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("application/json", liveType);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_is_503_in_json_when_the_database_is_unreachable_while_liveness_stays_200()
    {
        var unreachable = $"Host=127.0.0.1;Port={OperationsHelpers.ClosedPort()};Username=igo;Password=not-logged-or-shown;Database=igo;Timeout=3";
        await using var app = OperationsHelpers.StartOnPostgres(unreachable, extra: new Dictionary<string, string?> { ["Igo:Data:MigrateOnStart"] = "false" });
        using var client = OperationsHelpers.Client(app.BaseAddress);

        var (readyStatus, ready, readyType) = await OperationsHelpers.HealthAsync(client, "/readyz");
        var (liveStatus, _, _) = await OperationsHelpers.HealthAsync(client, "/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal("application/json", readyType); // not the Blazor not-found page
        Assert.Equal("Unhealthy", ready.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", ready.CheckStatus("store"));
        Assert.Equal("Unhealthy", ready.CheckStatus("events"));
        Assert.Equal("Healthy", ready.CheckStatus("shutdown"));
        var text = ready.GetRawText();
        Assert.DoesNotContain("not-logged-or-shown", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, liveStatus);
    }

    [Fact]
    public async Task Readiness_fails_as_soon_as_a_stop_begins_while_pages_are_still_served_during_the_drain_delay()
    {
        var app = OperationsHelpers.StartOnSqlite(new Dictionary<string, string?> { ["Igo:Operations:DrainDelay"] = "00:00:04" });
        using var client = OperationsHelpers.Client(app.BaseAddress);
        await OperationsHelpers.WaitForReadinessAsync(client, HttpStatusCode.OK);

        var stopping = Task.Run(async () => await app.DisposeAsync(), TestContext.Current.CancellationToken);
        var ready = await OperationsHelpers.WaitForReadinessAsync(client, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(3));
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        await stopping;

        Assert.Equal("Unhealthy", ready.CheckStatus("shutdown"));
        Assert.Equal("Healthy", ready.CheckStatus("store"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Once_leaving_a_new_request_gets_503_with_connection_close_and_health_still_answers()
    {
        await using var app = OperationsHelpers.StartOnSqlite();
        using var client = OperationsHelpers.Client(app.BaseAddress);
        await OperationsHelpers.WaitForReadinessAsync(client, HttpStatusCode.OK);

        app.Services.GetRequiredService<ShutdownSignal>().Leave();
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var (liveStatus, _, _) = await OperationsHelpers.HealthAsync(client, "/healthz");
        var (readyStatus, ready, _) = await OperationsHelpers.HealthAsync(client, "/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.True(page.Headers.ConnectionClose);
        Assert.Equal("1", page.Headers.GetValues("Retry-After").Single());
        Assert.Equal("text/plain", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal("Unhealthy", ready.CheckStatus("shutdown"));
    }
}
