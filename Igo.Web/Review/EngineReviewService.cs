using Igo.Computer;
using Igo.Computer.Background;
using Igo.Computer.Gtp;
using Igo.Computer.Review;
using Igo.Data;
using Igo.Data.Stores;
using Microsoft.Extensions.Options;

namespace Igo.Web.Review;

/// <summary>
/// Makes the engine review of each finished game, once across all instances, off the request path: one game at a time
/// on this instance, claimed in the store first (<see cref="AnalysisStore"/>) and the claim refreshed as it goes. GNU Go
/// runs at idle priority with a budget per position; the built-in playouts run on one thread with a playout budget per
/// position. A GNU Go failure falls back to the playouts; a game neither can review is stored as not reviewable. Reviews
/// wait, before each game and between positions, while play keeps the machine's CPUs busy (<see cref="BackgroundCpuGate"/>).
/// </summary>
public sealed partial class EngineReviewService(
    AnalysisStore analyses,
    GameStore games,
    IgoInstance instance,
    BackgroundCpuGate spareCpu,
    IOptions<EngineReviewOptions> options,
    IOptions<ComputerOptions> computer,
    TimeProvider time,
    ILogger<EngineReviewService> logger) : BackgroundService
{
    private const int CandidatesPerLook = 5;

    /// <summary>Stored as the engine of a review that could not be made.</summary>
    private const string NoEngine = "none";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                worked = await ReviewNextAsync(settings, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The store may be briefly unreachable: the next look tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LookFailed(logger, exception);
            }

            if (!worked)
            {
                await Task.Delay(settings.PollInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task<bool> ReviewNextAsync(EngineReviewOptions settings, CancellationToken stoppingToken)
    {
        await spareCpu.WaitForSpareCpuAsync(stoppingToken);
        var now = time.GetUtcNow();
        foreach (var gameId in await analyses.NextToAnalyseAsync(now - settings.ClaimLife, CandidatesPerLook, stoppingToken))
        {
            if (await analyses.TryClaimAsync(gameId, instance.Id, now, now - settings.ClaimLife, stoppingToken))
            {
                await ReviewAsync(gameId, settings, stoppingToken);
                return true;
            }
        }

        return false;
    }

    private async Task ReviewAsync(long gameId, EngineReviewOptions settings, CancellationToken stoppingToken)
    {
        var record = await GameReviews.LoadRecordAsync(games, gameId, stoppingToken);
        if (record is null)
        {
            GameNotReplayable(logger, gameId);
            await analyses.CompleteAsync(gameId, instance.Id, NoEngine, null, time.GetUtcNow(), stoppingToken);
            return;
        }

        using var takenOver = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var refreshed = time.GetTimestamp();
        async Task RefreshClaimIfDueAsync()
        {
            // A third of the claim's life between refreshes: two can be late before another instance takes over.
            if (time.GetElapsedTime(refreshed) >= settings.ClaimLife / 3)
            {
                refreshed = time.GetTimestamp();
                if (!await analyses.RefreshClaimAsync(gameId, instance.Id, time.GetUtcNow(), stoppingToken))
                {
                    await takenOver.CancelAsync();
                }
            }

            takenOver.Token.ThrowIfCancellationRequested();
        }

        async Task Progress(int done)
        {
            // A paused review keeps its claim: the game is this instance's until the machine has CPU again.
            while (!spareCpu.HasSpareCpu())
            {
                await RefreshClaimIfDueAsync();
                await Task.Delay(BackgroundCpuGate.RetryInterval, time, takenOver.Token);
            }

            await RefreshClaimIfDueAsync();
        }

        var started = time.GetTimestamp();
        foreach (var estimator in Estimators(settings))
        {
            try
            {
                var leads = await estimator.EstimateAsync(record, Progress, takenOver.Token);
                var kept = await analyses.CompleteAsync(gameId, instance.Id, estimator.Name, leads, time.GetUtcNow(), stoppingToken);
                var seconds = time.GetElapsedTime(started).TotalSeconds;
                Reviewed(logger, gameId, record.Moves.Count, estimator.Name, seconds, kept);
                return;
            }
            catch (OperationCanceledException) when (takenOver.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                ClaimLost(logger, gameId);
                return;
            }
            catch (GtpEngineException exception)
            {
                EngineFailed(logger, exception, gameId, estimator.Name);
            }
        }

        await analyses.CompleteAsync(gameId, instance.Id, NoEngine, null, time.GetUtcNow(), stoppingToken);
    }

    private IEnumerable<IScoreLeadEstimator> Estimators(EngineReviewOptions settings)
    {
        var gnuGo = new GtpCommandLine(computer.Value.GnuGoCommand, ["--mode", "gtp"]);
        if (settings.Engine != PlayoutLeadEstimator.EngineName && !string.IsNullOrWhiteSpace(gnuGo.Command) && gnuGo.IsInstalled())
        {
            yield return new GnuGoLeadEstimator(gnuGo, settings.PositionBudget, logger);
        }

        if (settings.Engine != GnuGoLeadEstimator.EngineName)
        {
            yield return new PlayoutLeadEstimator(settings.Playouts);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for finished games to review failed; trying again later")]
    private static partial void LookFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Game {GameId} cannot be replayed for its engine review")]
    private static partial void GameNotReplayable(ILogger logger, long gameId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reviewed game {GameId} ({Moves} moves) with {Engine} in {Seconds:0.0} s (stored: {Stored})")]
    private static partial void Reviewed(ILogger logger, long gameId, int moves, string engine, double seconds, bool stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The claim on game {GameId}'s review was taken over by another instance; stopped")]
    private static partial void ClaimLost(ILogger logger, long gameId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Engine} review of game {GameId} failed")]
    private static partial void EngineFailed(ILogger logger, Exception exception, long gameId, string engine);
}
