using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Igo.Tests.Infrastructure;

/// <summary>
/// The whole Igo app on a real Kestrel port on the loopback interface (a free port chosen by the OS), in this process:
/// for tests that need a real client, such as a WebSocket or a browser. Settings override the configuration; the
/// services callback runs after the app's own registrations (to replace one with a test double). Unless the settings
/// choose a store, each app gets an embedded database file of its own, deleted with it: apps started side by side never
/// share (or race to create) the default file.
/// </summary>
public sealed class AppOnRealPort : IAsyncDisposable
{
    private const string SqlitePathSetting = "Igo:Data:SqlitePath";

    /// <summary>Off unless a test turns it on: an engine's judgement would mark stones in every test that passes twice.</summary>
    public const string SuggestDeadStonesSetting = "Computer:SuggestDeadStones";

    /// <summary>
    /// Off (1) unless a test sets it: the test run keeps both cores busy, and an app that waited for spare CPU would not
    /// make the suggestions and reviews its tests look for.
    /// </summary>
    public const string BackgroundBusyLimitSetting = "Computer:BackgroundBusyLimit";

    private readonly Factory factory;
    private readonly string? ownDatabase;

    private AppOnRealPort(Factory factory, Uri baseAddress, string? ownDatabase)
    {
        this.factory = factory;
        this.ownDatabase = ownDatabase;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:&lt;port&gt;/</summary>
    public Uri BaseAddress { get; }

    public IServiceProvider Services => factory.Services;

    public static AppOnRealPort Start(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var chosen = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        string? ownDatabase = null;
        chosen.TryAdd(SuggestDeadStonesSetting, "false");
        chosen.TryAdd(BackgroundBusyLimitSetting, "1");
        var onPostgres = chosen.TryGetValue("ConnectionStrings:Igo", out var connection) && !string.IsNullOrEmpty(connection);
        if (!onPostgres && !chosen.ContainsKey(SqlitePathSetting))
        {
            ownDatabase = Path.Combine(Path.GetTempPath(), $"igo-test-{Guid.NewGuid():N}.db");
            chosen[SqlitePathSetting] = ownDatabase;
        }

        var factory = new Factory(chosen, services);
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal));
        var uri = new UriBuilder(address) { Host = "127.0.0.1", Path = "/" }.Uri;
        return new AppOnRealPort(factory, uri, ownDatabase);
    }

    /// <summary>The ws:// address of a path on this app, by default the compatibility endpoint.</summary>
    public Uri WebSocketUri(string path = "/websocket") => new UriBuilder(BaseAddress) { Scheme = "ws", Path = path }.Uri;

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        if (ownDatabase is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { ownDatabase, ownDatabase + "-wal", ownDatabase + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        }
    }
}
