using System.Diagnostics.Metrics;
using Igo.Data.Diagnostics;
using Igo.Data.Events;
using Igo.Data.Presence;
using Igo.Data.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Igo.Data.Configuration;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store chosen by configuration (PostgreSQL from <c>DATABASE_URL</c> or <c>ConnectionStrings:Igo</c>,
    /// else the SQLite file under <paramref name="contentRoot"/>), the matching event bus, the game store, the group-commit
    /// writer and the presence lease. Hosted services start in this order: store set-up, bus, lease.
    /// </summary>
    public static IServiceCollection AddIgoData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddIgoDataOptions();

        var dataOptions = configuration.GetSection(IgoDataOptions.Section).Get<IgoDataOptions>() ?? new IgoDataOptions();
        var store = StoreSettings.Resolve(configuration, contentRoot, dataOptions);
        services.AddSingleton(store);
        services.TryAddSingleton(new IgoInstance(configuration.GetValue<Guid?>("Igo:InstanceId") ?? Guid.NewGuid()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new IgoMetrics(provider.GetService<IMeterFactory>()));

        if (store.Kind == StoreKind.PostgreSql)
        {
            services.AddSingleton(provider => PostgresConnections.For(
                store.ConnectionString,
                provider.GetRequiredService<IgoInstance>().Id,
                provider.GetRequiredService<IOptions<IgoDataOptions>>().Value,
                provider.GetRequiredService<IOptions<EventBusOptions>>().Value));
            services.AddSingleton(provider =>
            {
                // Named after the instance, so that Npgsql's pool metrics (db.client.connection.*) tell instances apart.
                var builder = new NpgsqlDataSourceBuilder(provider.GetRequiredService<PostgresConnections>().Pool)
                {
                    Name = PostgresConnections.PoolApplicationName(provider.GetRequiredService<IgoInstance>().Id),
                };
                return builder.Build();
            });
            services.AddPooledDbContextFactory<IgoDbContext>((provider, options) => options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()));
        }
        else
        {
            services.AddPooledDbContextFactory<IgoDbContext>(options => options.UseSqlite(store.ConnectionString));
            services.PostConfigure<PresenceOptions>(presence => presence.SweepWithoutGrace = true);
        }

        services.AddHostedService<StoreInitializer>();
        if (store.Kind == StoreKind.PostgreSql)
        {
            services.AddSingleton<PostgresGameEventBus>();
            services.AddSingleton<IGameEventBus>(provider => provider.GetRequiredService<PostgresGameEventBus>());
            services.AddHostedService(provider => provider.GetRequiredService<PostgresGameEventBus>());
            services.AddSingleton<IInstanceLossDetector, ListenerLockDetector>();
        }
        else
        {
            services.AddSingleton<IGameEventBus, InProcessGameEventBus>();
            services.AddSingleton<IInstanceLossDetector, NoInstanceLossDetector>();
        }

        services.AddSingleton<GameStore>();
        services.AddSingleton<IActionCommits>(provider => provider.GetRequiredService<GameStore>());
        services.AddSingleton<InstanceStore>();
        services.AddSingleton<AnalysisStore>();
        services.AddSingleton<ActionWriter>();
        services.AddHostedService<InstanceLeaseService>();
        return services;
    }

    /// <summary>
    /// Binds the data settings and refuses to start with values that cannot work (the host validates them at start, so
    /// a bad setting stops the app with its name instead of failing later).
    /// </summary>
    private static void AddIgoDataOptions(this IServiceCollection services)
    {
        services.AddOptions<IgoDataOptions>()
            .BindConfiguration(IgoDataOptions.Section)
            .Validate(o => o.MaxPoolSize >= 1, "Igo:Data:MaxPoolSize must be at least 1")
            .Validate(o => PostgresConnections.IsWholeSeconds(o.PoolWaitTimeout, 1, 1024), "Igo:Data:PoolWaitTimeout must be whole seconds from 1 to 1024")
            .ValidateOnStart();
        services.AddOptions<EventBusOptions>()
            .BindConfiguration(EventBusOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Channel), "Igo:Events:Channel must not be empty")
            .Validate(o => o.ReconnectMinDelay > TimeSpan.Zero && o.ReconnectMinDelay <= o.ReconnectMaxDelay, "Igo:Events:ReconnectMinDelay must be positive and at most ReconnectMaxDelay")
            .Validate(o => o.MaxEventsPerBatch >= 1, "Igo:Events:MaxEventsPerBatch must be at least 1")
            .Validate(
                o => PostgresConnections.IsWholeSeconds(o.KeepAlive, 1, 3600) && PostgresConnections.IsWholeSeconds(o.KeepAliveInterval, 1, 600),
                "Igo:Events:KeepAlive and KeepAliveInterval must be whole seconds (at least 1)")
            .ValidateOnStart();
        services.AddOptions<PresenceOptions>()
            .BindConfiguration(PresenceOptions.Section)
            .Validate(o => o.Heartbeat > TimeSpan.Zero && o.Heartbeat * 2 <= o.Lease, "Igo:Presence:Heartbeat must be positive and at most half of Igo:Presence:Lease")
            .ValidateOnStart();
    }
}
