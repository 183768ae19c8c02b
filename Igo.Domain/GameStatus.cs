namespace Igo.Domain;

public enum GameStatus
{
    Play,
    Endgame,
    RequestPending,
    Complete,
}

public enum RequestType
{
    MarkDead,
    Draw,
    TallyScore,
    Undo,
}

/// <summary>The one request that may be open at a time, and who made it.</summary>
public sealed record PendingRequest(RequestType Type, Color Initiator);

public enum ResultType
{
    StandardWin,
    Draw,
    Resignation,

    /// <summary>The loser ran out of time.</summary>
    Time,

    /// <summary>The loser abandoned the game and the winner claimed it.</summary>
    Forfeit,
}

/// <summary>How a game ended; <see cref="Winner"/> is null for a draw.</summary>
public sealed record GameResult(ResultType Type, Color? Winner);

/// <summary>A count per colour (prisoners, territory).</summary>
public readonly record struct PerColor<T>(T Black, T White)
{
    public T this[Color color] => color == Color.Black ? Black : White;

    public PerColor<T> With(Color color, T value) => color == Color.Black ? this with { Black = value } : this with { White = value };
}
