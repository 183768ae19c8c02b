using System.Collections.ObjectModel;
using Igo.Web.Games;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Igo.Tests.Data;

/// <summary>
/// One app instance for tests: its own service provider and instance id on a shared store, with the games registered
/// as the app registers them and the hosted services (store set-up, bus listener, presence lease) running. <see cref="CrashAsync"/> stops it without any clean-up.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    /// <summary>
    /// Settings for a test whose instances must not sweep each other: with the default 1.5 s lease, a busy machine can
    /// delay a heartbeat long enough for another instance to release a live one's keys.
    /// </summary>
    public static readonly IDictionary<string, string?> LongLease = new ReadOnlyDictionary<string, string?>(new Dictionary<string, string?>
    {
        ["Igo:Presence:Heartbeat"] = "00:01:00",
        ["Igo:Presence:Lease"] = "00:05:00",
    });

    private readonly IHost host;
    private bool stopped;

    private TestHost(IHost host, Guid instanceId)
    {
        this.host = host;
        InstanceId = instanceId;
    }

    public Guid InstanceId { get; }

    public IServiceProvider Services => host.Services;

    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    /// <summary>Starts an instance on PostgreSQL (a connection string) or, with null, on a SQLite file in <paramref name="folder"/>.</summary>
    public static async Task<TestHost> StartAsync(
        string? postgres,
        string? folder = null,
        Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null,
        Guid? instanceId = null)
    {
        var id = instanceId ?? Guid.NewGuid();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder ?? AppContext.BaseDirectory });
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Igo"] = postgres ?? string.Empty,
            ["Igo:InstanceId"] = id.ToString(),
            ["Igo:Presence:Lease"] = "00:00:01.5",
            ["Igo:Presence:Heartbeat"] = "00:00:00.25",
            ["Igo:Events:ReconnectMaxDelay"] = "00:00:00.5",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (Environment.GetEnvironmentVariable("IGO_TEST_LOG") is { Length: > 0 })
        {
            builder.Logging.SetMinimumLevel(LogLevel.Debug).AddSimpleConsole();
        }
        builder.Services.AddIgoGames(builder.Configuration, builder.Environment.ContentRootPath);
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new TestHost(host, id);
    }

    /// <summary>Stops as a killed process would: no key released, no lease given back.</summary>
    public async Task CrashAsync()
    {
        stopped = true;
        if (host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await host.StopAsync(CancellationToken.None);
            if (host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }
}
