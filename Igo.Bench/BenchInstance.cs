using Igo.Web.Games;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Igo.Bench;

/// <summary>
/// An app instance's games (<c>AddIgoGames</c>: store, bus, presence lease, coordinator, sweep) in this process, on a
/// PostgreSQL database, with an instance id of its own; <c>configure</c> changes its services before it starts.
/// </summary>
internal sealed class BenchInstance : IAsyncDisposable
{
    private readonly IHost host;

    private BenchInstance(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public static async Task<BenchInstance> StartAsync(string connectionString, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Igo"] = connectionString });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddIgoGames(builder.Configuration, AppContext.BaseDirectory);
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new BenchInstance(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        if (host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
