using Igo.Computer.Gtp;
using Igo.Domain;
using Microsoft.Extensions.Logging;

namespace Igo.Computer.Review;

/// <summary>
/// GNU Go's <c>estimate_score</c> after each move, from an engine process of its own (not one of the players' pool) run
/// at idle priority and stopped when the game is done. Each position may take at most <paramref name="positionBudget"/>;
/// a position over it, or a move the engine refuses, fails the whole estimate (the caller falls back to playouts).
/// </summary>
public sealed class GnuGoLeadEstimator(GtpCommandLine commandLine, TimeSpan positionBudget, ILogger logger) : IScoreLeadEstimator
{
    public const string EngineName = "gnugo";

    public string Name => EngineName;

    public async Task<IReadOnlyList<double>> EstimateAsync(ReviewRecord record, Func<int, Task> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(progress);
        var timeouts = new GtpTimeouts(GtpTimeouts.Default.Command, positionBudget);
        await using var engine = await GtpEngineProcess.StartAsync(commandLine, timeouts, logger, cancellationToken);
        engine.RunAtIdlePriority();
        if (!engine.Knows("estimate_score"))
        {
            throw new GtpEngineException($"The engine '{commandLine.Command}' has no estimate_score.");
        }

        await engine.BoardSizeAsync(record.Size, cancellationToken);
        await engine.ClearBoardAsync(cancellationToken);
        await engine.KomiAsync(record.Rules.Komi, cancellationToken);
        foreach (var stone in Handicap.StandardPoints(record.Size, record.Rules.Handicap))
        {
            await PlayAsync(engine, new Move(Color.Black, stone), record.Size, cancellationToken);
        }

        var leads = new List<double>(record.Moves.Count + 1) { await EstimateAsync(engine, cancellationToken) };
        await progress(leads.Count);
        foreach (var move in record.Moves)
        {
            await PlayAsync(engine, move, record.Size, cancellationToken);
            leads.Add(await EstimateAsync(engine, cancellationToken));
            await progress(leads.Count);
        }

        return leads;
    }

    private static async Task PlayAsync(GtpEngineProcess engine, Move move, int size, CancellationToken cancellationToken)
    {
        if (!await engine.PlayAsync(move.Player, move.Point, size, cancellationToken))
        {
            throw new GtpEngineException($"The engine refused {move.Player.ToWord()} {move.Point?.ToLabel(size) ?? "pass"}.");
        }
    }

    private static async Task<double> EstimateAsync(GtpEngineProcess engine, CancellationToken cancellationToken) =>
        await engine.EstimateScoreAsync(cancellationToken) is { BlackLead: { } lead }
            ? lead
            : throw new GtpEngineException("The engine gave no score estimate.");
}
