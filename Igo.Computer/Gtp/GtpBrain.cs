using System.Diagnostics;
using Igo.Computer.Players;
using Igo.Domain;
using Microsoft.Extensions.Logging;

namespace Igo.Computer.Gtp;

/// <summary>
/// A computer player's thinking done by a GTP engine from a pool. When the engine fails (not installed, died, timed out)
/// or proposes a move the game forbids (a superko it does not know, a move just refused), the <paramref name="fallback"/>
/// brain answers instead, so a game never waits on a broken engine. In a timed game the engine is told the move's
/// budget (<c>time_settings</c>/<c>time_left</c>, when it keeps time) and given up once the budget is spent.
/// </summary>
public sealed partial class GtpBrain(string name, GtpEnginePool pool, int? gnuGoLevel, IComputerBrain fallback, ILogger<GtpBrain> logger) : IComputerBrain
{
    public string Name => name;

    public async Task<Point?> ChooseMoveAsync(ComputerPosition position, IReadOnlySet<Point> excluded, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(excluded);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var lease = await pool.RentAsync(cancellationToken);
            var move = await GenerateAsync(lease, position, cancellationToken);
            if (move is not { } point || (position.IsLegal(point) && !excluded.Contains(point)))
            {
                return move;
            }

            // The engine's board now holds a move the game will not take: make it set up afresh next time.
            lease.Engine.Position = null;
            var forbidden = point.ToLabel(position.Size);
            ForbiddenMoveProposed(logger, name, forbidden, fallback.Name);
        }
        catch (GtpEngineException exception)
        {
            MoveUnavailable(logger, exception, name, fallback.Name);
        }

        // In a timed game the fallback gets what is left of the move's budget, not all of it again.
        var left = position.ThinkingBudget - Stopwatch.GetElapsedTime(started);
        return await fallback.ChooseMoveAsync(position with { ThinkingBudget = left is { } l && l < ThinkingBudget.Floor ? ThinkingBudget.Floor : left }, excluded, cancellationToken);
    }

    public async Task<PositionJudgement> JudgeAsync(ComputerPosition position, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(position);
        try
        {
            await using var lease = await pool.RentAsync(cancellationToken);
            try
            {
                await GtpPositionSync.SyncAsync(lease.Engine, position, cancellationToken);
                var dead = await lease.Engine.FinalStatusListAsync("dead", position.Size, cancellationToken);
                return new PositionJudgement(dead, ScoreEstimator.BlackLead(position, dead), name);
            }
            catch (GtpEngineException)
            {
                lease.MarkBroken();
                throw;
            }
        }
        catch (GtpEngineException exception)
        {
            JudgementUnavailable(logger, exception, name, fallback.Name);
            return await fallback.JudgeAsync(position, cancellationToken);
        }
    }

    /// <summary>
    /// GNU Go's <c>estimate_score</c> (it weighs open areas, which a count of settled territory after
    /// <c>final_status_list dead</c> cannot); the judgement's lead for an engine without it, or when the engine fails.
    /// </summary>
    public async Task<double> EstimateBlackLeadAsync(ComputerPosition position, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(position);
        try
        {
            await using var lease = await pool.RentAsync(cancellationToken);
            try
            {
                await GtpPositionSync.SyncAsync(lease.Engine, position, cancellationToken);
                if (await lease.Engine.EstimateScoreAsync(cancellationToken) is { BlackLead: { } lead })
                {
                    return lead;
                }
            }
            catch (GtpEngineException)
            {
                lease.MarkBroken();
                throw;
            }
        }
        catch (GtpEngineException exception)
        {
            ScoreEstimateUnavailable(logger, exception, name);
        }

        return (await JudgeAsync(position, cancellationToken)).BlackLead;
    }

    private async Task<Point?> GenerateAsync(GtpEngineLease lease, ComputerPosition position, CancellationToken cancellationToken)
    {
        try
        {
            await GtpPositionSync.SyncAsync(lease.Engine, position, cancellationToken);
            if (gnuGoLevel is { } level)
            {
                await lease.Engine.LevelAsync(level, cancellationToken);
            }

            if (position.ThinkingBudget is { } budget)
            {
                await lease.Engine.TimeForMoveAsync(position.ToMove, budget, cancellationToken);
            }

            var move = await lease.Engine.GenMoveAsync(position.ToMove, position.Size, position.ThinkingBudget, cancellationToken);

            // GNU Go does not resign by default; an engine that does is taken to pass, and the game ends by counting.
            var point = move.Point;
            GtpPositionSync.RecordOwnMove(lease.Engine, position, point);
            return point;
        }
        catch (GtpEngineException)
        {
            lease.MarkBroken();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Engine} proposed {Move}, which the game forbids; asking {Fallback}")]
    private static partial void ForbiddenMoveProposed(ILogger logger, string engine, string move, string fallback);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Engine} could not choose a move; asking {Fallback}")]
    private static partial void MoveUnavailable(ILogger logger, Exception exception, string engine, string fallback);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Engine} could not judge the position; asking {Fallback}")]
    private static partial void JudgementUnavailable(ILogger logger, Exception exception, string engine, string fallback);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Engine} could not estimate the score; using its judgement instead")]
    private static partial void ScoreEstimateUnavailable(ILogger logger, Exception exception, string engine);
}
