using Igo.Data;
using Igo.Data.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Igo.Web.Operations;

/// <summary>Ready when the database answers, its schema is there, and (PostgreSQL) no migration is pending.</summary>
internal sealed class StoreHealthCheck(IDbContextFactory<IgoDbContext> contexts, StoreSettings store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached");
            }

            if (store.Kind == StoreKind.PostgreSql)
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
                if (pending > 0)
                {
                    return HealthCheckResult.Unhealthy($"{pending} schema migrations are not applied (Igo:Data:MigrateOnStart, or sql/igo.sql)");
                }
            }

            // A query on a table proves the schema is there (the SQLite file has no migration history).
            _ = await db.Instances.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy(store.Kind == StoreKind.PostgreSql ? "PostgreSQL answers; schema up to date" : "SQLite file answers; schema present");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception goes to the health check log; the response carries only this sentence.
            return HealthCheckResult.Unhealthy("The database query failed", exception);
        }
    }
}
