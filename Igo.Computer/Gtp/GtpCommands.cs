using System.Globalization;
using Igo.Domain;

namespace Igo.Computer.Gtp;

/// <summary>The GTP commands we use, typed. Commands the position depends on throw <see cref="GtpEngineException"/> when refused.</summary>
public static class GtpCommands
{
    public static Task BoardSizeAsync(this GtpEngineProcess engine, int size, CancellationToken cancellationToken = default) =>
        engine.ExpectSuccessAsync(string.Create(CultureInfo.InvariantCulture, $"boardsize {size}"), cancellationToken);

    public static Task ClearBoardAsync(this GtpEngineProcess engine, CancellationToken cancellationToken = default) =>
        engine.ExpectSuccessAsync("clear_board", cancellationToken);

    public static Task KomiAsync(this GtpEngineProcess engine, double komi, CancellationToken cancellationToken = default) =>
        engine.ExpectSuccessAsync(string.Create(CultureInfo.InvariantCulture, $"komi {komi}"), cancellationToken);

    /// <summary>GNU Go's playing strength, 0 to 10 (its <c>--level</c>), for the following genmoves.</summary>
    public static Task LevelAsync(this GtpEngineProcess engine, int level, CancellationToken cancellationToken = default) =>
        engine.ExpectSuccessAsync(string.Create(CultureInfo.InvariantCulture, $"level {level}"), cancellationToken);

    /// <summary>Plays a move (null = pass); false when the engine calls it illegal.</summary>
    public static async Task<bool> PlayAsync(this GtpEngineProcess engine, Color color, Point? point, int size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var response = await engine.SendAsync($"play {GtpVertex.Format(color)} {GtpVertex.Format(point, size)}", engine.Timeouts.Command, cancellationToken);
        return response.Success;
    }

    /// <summary>
    /// The engine's move for <paramref name="color"/>; it may think for <see cref="GtpTimeouts.Think"/>, after which it is
    /// given up as broken.
    /// </summary>
    public static Task<GtpMove> GenMoveAsync(this GtpEngineProcess engine, Color color, int size, CancellationToken cancellationToken = default) =>
        engine.GenMoveAsync(color, size, null, cancellationToken);

    /// <summary>As <see cref="GenMoveAsync(GtpEngineProcess, Color, int, CancellationToken)"/>, thinking at most <paramref name="within"/> when given.</summary>
    public static async Task<GtpMove> GenMoveAsync(this GtpEngineProcess engine, Color color, int size, TimeSpan? within, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var timeout = within is { } limit && limit < engine.Timeouts.Think ? limit : engine.Timeouts.Think;
        var response = await engine.SendAsync($"genmove {GtpVertex.Format(color)}", timeout, cancellationToken);
        return response.Success
            ? GtpVertex.ParseMove(response.Text, size)
            : throw new GtpEngineException($"The engine refused genmove: {response.Text}");
    }

    /// <summary>
    /// Tells an engine that keeps time (GNU Go, KataGo: <c>time_left</c> among its commands) that <paramref name="color"/>
    /// has <paramref name="budget"/> for this move, as GTP says it: no main time and one stone in that many whole seconds
    /// (at least 1), with all of it left. False when the engine does not keep time.
    /// </summary>
    public static async Task<bool> TimeForMoveAsync(this GtpEngineProcess engine, Color color, TimeSpan budget, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (!engine.Knows("time_settings") || !engine.Knows("time_left"))
        {
            return false;
        }

        var seconds = Math.Max(1, (int)budget.TotalSeconds);
        await engine.ExpectSuccessAsync(string.Create(CultureInfo.InvariantCulture, $"time_settings 0 {seconds} 1"), cancellationToken);
        await engine.ExpectSuccessAsync(string.Create(CultureInfo.InvariantCulture, $"time_left {GtpVertex.Format(color)} {seconds} 1"), cancellationToken);
        return true;
    }

    /// <summary>Takes back the last move; false when the engine cannot.</summary>
    public static async Task<bool> UndoAsync(this GtpEngineProcess engine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return (await engine.SendAsync("undo", engine.Timeouts.Command, cancellationToken)).Success;
    }

    /// <summary>The stones the engine judges to have <paramref name="status"/> ("dead", "alive", "seki") in the current position.</summary>
    public static async Task<IReadOnlyList<Point>> FinalStatusListAsync(this GtpEngineProcess engine, string status, int size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var response = await engine.SendAsync($"final_status_list {status}", engine.Timeouts.Think, cancellationToken);
        return response.Success
            ? GtpVertex.ParseList(response.Text, size)
            : throw new GtpEngineException($"The engine refused final_status_list {status}: {response.Text}");
    }

    /// <summary>The engine's own count of the position (its rules, its prisoners); null when it cannot say.</summary>
    public static async Task<GtpScore?> FinalScoreAsync(this GtpEngineProcess engine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var response = await engine.SendAsync("final_score", engine.Timeouts.Think, cancellationToken);
        return response.Success ? GtpScore.Parse(response.Text) : null;
    }

    /// <summary>GNU Go's estimate of a position still in play; null when the engine lacks the command.</summary>
    public static async Task<GtpScore?> EstimateScoreAsync(this GtpEngineProcess engine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (!engine.Knows("estimate_score"))
        {
            return null;
        }

        var response = await engine.SendAsync("estimate_score", engine.Timeouts.Think, cancellationToken);
        return response.Success ? GtpScore.Parse(response.Text) : null;
    }

    /// <summary>Loads an SGF file (up to <paramref name="moveNumber"/> when given) and returns the colour to move.</summary>
    public static async Task<Color> LoadSgfAsync(this GtpEngineProcess engine, string path, int? moveNumber = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path.Any(c => char.IsControl(c) || c == ' '))
        {
            throw new ArgumentException("GTP cannot pass a path with spaces or control characters.", nameof(path));
        }

        var command = moveNumber is { } number ? string.Create(CultureInfo.InvariantCulture, $"loadsgf {path} {number}") : $"loadsgf {path}";
        var response = await engine.SendAsync(command, engine.Timeouts.Command, cancellationToken);
        if (!response.Success)
        {
            throw new GtpEngineException($"The engine could not load the SGF file: {response.Text}");
        }

        return response.Text.StartsWith('w') || response.Text.StartsWith('W') ? Color.White : Color.Black;
    }

    private static async Task ExpectSuccessAsync(this GtpEngineProcess engine, string command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var response = await engine.SendAsync(command, engine.Timeouts.Command, cancellationToken);
        if (!response.Success)
        {
            throw new GtpEngineException($"The engine refused '{command}': {response.Text}");
        }
    }
}
