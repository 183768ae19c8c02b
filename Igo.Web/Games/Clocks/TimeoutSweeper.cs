using Igo.Data;
using Igo.Data.Stores;
using Microsoft.Extensions.Options;

namespace Igo.Web.Games;

/// <summary>
/// Every instance, every <see cref="ClockOptions.SweepInterval"/>: reads the games whose running clock's deadline
/// passed more than the lag allowance ago and times each out through the coordinator, so a game ends on time with
/// both players gone and the instance that hosted it dead. Instances race for the same games harmlessly: the version
/// check lets exactly one timeout commit, and the game then has no deadline.
/// </summary>
internal sealed partial class TimeoutSweeper(
    GameStore store,
    GameCoordinator coordinator,
    IOptions<ClockOptions> options,
    TimeProvider time,
    ILogger<TimeoutSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.SweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SweepAsync(settings, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One sweep; the number of games this instance timed out.</summary>
    internal async Task<int> SweepAsync(ClockOptions settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<DueDeadline> due;
        try
        {
            due = await store.DueDeadlinesAsync(StoreTime.Now(time) - settings.LagAllowance, settings.SweepBatch, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSweepFailed(exception);
            return 0;
        }

        var timedOut = 0;
        foreach (var game in due)
        {
            try
            {
                timedOut += await coordinator.TimeOutIfOverdueAsync(game.GameId) ? 1 : 0;
            }
            catch (Exception exception) when (exception is not OperationCanceledException and not ObjectDisposedException)
            {
                LogTimeoutFailed(exception, game.GameId);
            }
        }

        return timedOut;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the games whose flag fell failed; the next sweep tries again")]
    private partial void LogSweepFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timing out game {GameId} failed; the next sweep tries again")]
    private partial void LogTimeoutFailed(Exception exception, long gameId);
}
