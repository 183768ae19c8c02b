using Igo.Domain;

namespace Igo.Data.Model;

/// <summary>One accepted action, append-only. <see cref="Sequence"/> is the game's version after it (1, 2, 3...).</summary>
public sealed class ActionRecord
{
    public long GameId { get; set; }

    public int Sequence { get; set; }

    public ActionType Type { get; set; }

    public int? PointRow { get; set; }

    public int? PointCol { get; set; }

    public Color Color { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The thinking time charged with the action (<see cref="GameAction.Thinking"/>), in milliseconds; null when none was.</summary>
    public int? ThinkingMs { get; set; }

    public GameAction ToAction() => new(
        Type,
        Color,
        PointRow is { } row && PointCol is { } col ? new Point(row, col) : null,
        At,
        ThinkingMs is { } thinking ? TimeSpan.FromMilliseconds(thinking) : null);

    /// <summary>A thinking time as the log keeps it: whole milliseconds (the rules accept no finer one).</summary>
    public static int? Milliseconds(TimeSpan? thinking) => thinking is { } time ? checked((int)(time.Ticks / TimeSpan.TicksPerMillisecond)) : null;

    public static ActionRecord From(long gameId, int sequence, GameAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new ActionRecord
        {
            GameId = gameId,
            Sequence = sequence,
            Type = action.Type,
            PointRow = action.Point?.Row,
            PointCol = action.Point?.Col,
            Color = action.Player,
            At = action.At,
            ThinkingMs = Milliseconds(action.Thinking),
        };
    }
}
