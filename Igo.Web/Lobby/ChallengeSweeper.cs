using Igo.Data;
using Igo.Data.Events;
using Igo.Data.Stores;
using Microsoft.Extensions.Options;

namespace Igo.Web.Lobby;

/// <summary>
/// Every instance, every <see cref="LobbyOptions.SweepInterval"/>: deletes the challenges whose creator's page has not
/// been heard from for the grace, and announces it, so they leave every page on every instance. Instances sweeping
/// the same rows at once is harmless: each row is deleted once. (The lists and takes already ignore such challenges;
/// the sweep is what removes them from pages that show them.)
/// </summary>
internal sealed partial class ChallengeSweeper(
    GameStore store,
    IGameEventBus bus,
    IgoInstance instance,
    IOptions<LobbyOptions> options,
    TimeProvider time,
    ILogger<ChallengeSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.SweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SweepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One sweep; the number of challenges deleted.</summary>
    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            var swept = await store.SweepChallengesAsync(StoreTime.Now(time) - options.Value.ChallengeGrace, cancellationToken);
            if (swept > 0)
            {
                await bus.PublishAsync([new LobbyChanged(instance.Id)], cancellationToken);
            }

            return swept;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSweepFailed(exception);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping the lobby's abandoned challenges failed; the next sweep tries again")]
    private partial void LogSweepFailed(Exception exception);
}
