using Igo.Data.Events;
using Igo.Data.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Igo.Data.Presence;

/// <summary>
/// Keeps this instance's lease alive and frees the keys of instances that are gone, telling their opponents: those whose
/// listener lock was released and who stopped renewing (a crashed process, noticed within a few heartbeats:
/// <see cref="IInstanceLossDetector"/>), and those whose lease expired (a hung or cut-off one).
/// A sweeper only judges leases after its own lease has been renewed without a break for a whole lease period, so
/// after an outage that stopped every instance's heartbeat, the live ones get a chance to renew before anyone is
/// declared dead. On a clean stop this instance releases its own keys.
/// </summary>
public sealed partial class InstanceLeaseService(
    InstanceStore instances,
    GameStore games,
    IGameEventBus bus,
    IInstanceLossDetector lossDetector,
    IgoInstance instance,
    TimeProvider time,
    IOptions<PresenceOptions> options,
    ILogger<InstanceLeaseService> logger) : BackgroundService
{
    private readonly PresenceOptions settings = options.Value;
    private volatile bool releasedAtStop;

    // Made in StartAsync, not in ExecuteAsync (which runs on its own once start has returned), so the heartbeats count
    // from the registration on whatever clock the instance has, a test's fake clock too.
    private PeriodicTimer? heartbeat;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // A host may be stopped twice (WebApplicationFactory does so); once released, the second time has nothing to do.
        if (releasedAtStop)
        {
            return;
        }

        try
        {
            await ReleaseAsync(instance.Id, cancellationToken);
            await instances.RemoveAsync(instance.Id, cancellationToken);
            releasedAtStop = true;
        }
#pragma warning disable CA1031 // A failed clean-up is what the lease is for: others release the keys when it expires.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogStopReleaseFailed(exception);
        }
    }

    /// <summary>
    /// Registers the lease before the app serves anyone, and releases keys this instance id still held from an
    /// earlier run (an id set in configuration survives restarts) or, without the grace, those of expired leases.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await instances.RenewAsync(instance.Id, Environment.MachineName, StoreTime.Now(time), settings.Lease, cancellationToken);
            LogRegistered(instance.Id, settings.Lease.TotalSeconds);
            await ReleaseAsync(instance.Id, cancellationToken);
            if (settings.SweepWithoutGrace)
            {
                await SweepExpiredAsync(StoreTime.Now(time), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogHeartbeatFailed(exception);
        }

        heartbeat = new PeriodicTimer(settings.Heartbeat, time);
        await base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        heartbeat?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? healthySince = null;
        var timer = heartbeat ?? throw new InvalidOperationException("The lease service runs only after it has started.");
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                var now = StoreTime.Now(time);
                if (!await instances.RenewAsync(instance.Id, Environment.MachineName, now, settings.Lease, stoppingToken))
                {
                    LogLeaseLost(instance.Id);
                }

                healthySince ??= now;
                foreach (var lost in await lossDetector.FindLostAsync(stoppingToken))
                {
                    LogListenerLockLost(lost, await SweepAsync(lost, stoppingToken));
                }

                if (settings.SweepWithoutGrace || now - healthySince >= settings.Lease)
                {
                    await SweepExpiredAsync(now, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The store may be down for a while; keep trying at the heartbeat's pace.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                healthySince = null;
                LogHeartbeatFailed(exception);
            }
        }
    }

    private async Task SweepExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var expired in await instances.ExpiredAsync(now, instance.Id, cancellationToken))
        {
            LogSwept(expired, await SweepAsync(expired, cancellationToken));
        }
    }

    private async Task<int> SweepAsync(Guid dead, CancellationToken cancellationToken)
    {
        var released = await ReleaseAsync(dead, cancellationToken);
        await instances.RemoveAsync(dead, cancellationToken);
        return released;
    }

    private async Task<int> ReleaseAsync(Guid holder, CancellationToken cancellationToken)
    {
        var released = await games.ReleaseInstanceKeysAsync(holder, StoreTime.Now(time), cancellationToken);
        if (released.Count > 0)
        {
            await bus.PublishAsync([.. released.Select(r => new PresenceChanged(r.GameId, r.Version, holder, r.Color, Connected: false))], cancellationToken);
        }

        return released.Count;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} holds a presence lease of {LeaseSeconds} s")]
    private partial void LogRegistered(Guid instanceId, double leaseSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Instance {InstanceId} found its lease gone: another instance released its keys; their connections must rejoin")]
    private partial void LogLeaseLost(Guid instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {DeadInstance} stopped renewing its lease; released {KeyCount} keys it held")]
    private partial void LogSwept(Guid deadInstance, int keyCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {DeadInstance} lost its listener connection and stopped renewing its lease; released {KeyCount} keys it held")]
    private partial void LogListenerLockLost(Guid deadInstance, int keyCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the presence lease failed; will retry")]
    private partial void LogHeartbeatFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing this instance's keys at stop failed; other instances will release them when the lease expires")]
    private partial void LogStopReleaseFailed(Exception exception);
}
