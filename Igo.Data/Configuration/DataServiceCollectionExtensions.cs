using System.Diagnostics.Metrics;
using Igo.Data.Diagnostics;
using Igo.Data.Events;
using Igo.Data.Presence;
using Igo.Data.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
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
        services.AddOptions<IgoDataOptions>().BindConfiguration(IgoDataOptions.Section);
        services.AddOptions<EventBusOptions>().BindConfiguration(EventBusOptions.Section);
        services.AddOptions<PresenceOptions>().BindConfiguration(PresenceOptions.Section);

        var dataOptions = configuration.GetSection(IgoDataOptions.Section).Get<IgoDataOptions>() ?? new IgoDataOptions();
        var store = StoreSettings.Resolve(configuration, contentRoot, dataOptions);
        services.AddSingleton(store);
        services.TryAddSingleton(new IgoInstance(configuration.GetValue<Guid?>("Igo:InstanceId") ?? Guid.NewGuid()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new IgoMetrics(provider.GetService<IMeterFactory>()));

        if (store.Kind == StoreKind.PostgreSql)
        {
            services.AddSingleton(_ => NpgsqlDataSource.Create(WithAutoPrepare(store.ConnectionString)));
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
        }
        else
        {
            services.AddSingleton<IGameEventBus, InProcessGameEventBus>();
        }

        services.AddSingleton<GameStore>();
        services.AddSingleton<IActionCommits>(provider => provider.GetRequiredService<GameStore>());
        services.AddSingleton<InstanceStore>();
        services.AddSingleton<ActionWriter>();
        services.AddHostedService<InstanceLeaseService>();
        return services;
    }

    /// <summary>
    /// The same few statements run for every action (the commit, the key checks, the NOTIFY batch): prepared once per
    /// connection they skip PostgreSQL's parse and plan. A connection string that sets these itself keeps its values.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }
}
