using Igo.Domain;

namespace Igo.Computer.Gtp;

/// <summary>
/// Puts a position on an engine. An engine in the pool remembers what it was last told (<see cref="GtpEngineProcess.Position"/>):
/// when the new position is that one plus one move, only the move is sent (the engine then knows the ko as it happened);
/// otherwise the board is cleared and the stones are placed one by one, which is always legal because every chain of a
/// position keeps its own liberties while it is laid down. A hot ko is recreated by placing the captured stone and
/// replaying the capture last.
/// </summary>
internal static class GtpPositionSync
{
    public static async Task SyncAsync(GtpEngineProcess engine, ComputerPosition position, CancellationToken cancellationToken)
    {
        if (engine.Position is SyncedPosition known && known.Size == position.Size && known.Komi == position.Rules.Komi)
        {
            if (await TryFollowAsync(engine, known, position, cancellationToken))
            {
                return;
            }
        }

        await SetUpAsync(engine, position, cancellationToken);
    }

    /// <summary>Records that the engine played <paramref name="move"/> for the player to move (after a genmove).</summary>
    public static void RecordOwnMove(GtpEngineProcess engine, ComputerPosition position, Point? move)
    {
        if (move is { } point)
        {
            var board = position.ToBoard();
            if (!board.IsLegal(point, position.ToMove))
            {
                engine.Position = null;
                return;
            }

            board.Play(point, position.ToMove);
            engine.Position = new SyncedPosition(position.Size, position.Rules.Komi, board.ToArray(), position.ToMove.Opponent());
        }
        else
        {
            engine.Position = new SyncedPosition(position.Size, position.Rules.Komi, [.. position.Stones], position.ToMove.Opponent());
        }
    }

    private static async Task<bool> TryFollowAsync(GtpEngineProcess engine, SyncedPosition known, ComputerPosition target, CancellationToken cancellationToken)
    {
        var same = known.Stones.SequenceEqual(target.Stones);
        if (same && known.ToMove == target.ToMove)
        {
            return true;
        }

        var mover = target.ToMove.Opponent();
        if (known.ToMove != mover)
        {
            return false;
        }

        Point? move;
        if (same)
        {
            move = null;
        }
        else if (target.LastMove is { } last && IsOneMoveApart(known, target, last, mover))
        {
            move = last;
        }
        else
        {
            return false;
        }

        if (!await engine.PlayAsync(mover, move, target.Size, cancellationToken))
        {
            return false;
        }

        engine.Position = new SyncedPosition(target.Size, target.Rules.Komi, [.. target.Stones], target.ToMove);
        return true;
    }

    // The new stone appeared on an empty point and every other change is an opponent stone taken off (a capture).
    private static bool IsOneMoveApart(SyncedPosition known, ComputerPosition target, Point last, Color mover)
    {
        var lastIndex = target.Index(last);
        if (known.Stones[lastIndex] != Stone.Empty || target.Stones[lastIndex] != mover.ToStone())
        {
            return false;
        }

        var captured = mover.Opponent().ToStone();
        for (var i = 0; i < known.Stones.Count; i++)
        {
            if (i != lastIndex && known.Stones[i] != target.Stones[i] && !(known.Stones[i] == captured && target.Stones[i] == Stone.Empty))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task SetUpAsync(GtpEngineProcess engine, ComputerPosition position, CancellationToken cancellationToken)
    {
        engine.Position = null;
        await engine.BoardSizeAsync(position.Size, cancellationToken);
        await engine.ClearBoardAsync(cancellationToken);
        await engine.KomiAsync(position.Rules.Komi, cancellationToken);

        var board = position.ToBoard();
        var (koCapture, koStone) = FindHotKo(position, board);
        for (var index = 0; index < position.Stones.Count; index++)
        {
            var point = position.PointAt(index);
            if (position.Stones[index].ToColor() is { } color && point != koCapture)
            {
                await PlaceAsync(engine, color, point, position.Size, cancellationToken);
            }
        }

        if (koCapture is { } capture && koStone is { } stone)
        {
            await PlaceAsync(engine, position.ToMove, stone, position.Size, cancellationToken);
            await PlaceAsync(engine, position.ToMove.Opponent(), capture, position.Size, cancellationToken);
        }

        engine.Position = new SyncedPosition(position.Size, position.Rules.Komi, [.. position.Stones], position.ToMove);
    }

    // The last move took a ko when it is a lone stone whose only liberty is the one point the game bans.
    private static (Point? Capture, Point? CapturedStone) FindHotKo(ComputerPosition position, Board board)
    {
        if (position.LastMove is not { } last || board[last] != position.ToMove.Opponent().ToStone())
        {
            return (null, null);
        }

        var bans = position.KoBans(board);
        if (bans.Count != 1 || board.ChainAt(last) is not { Stones.Count: 1, Liberties: [var liberty] } || liberty != bans[0])
        {
            return (null, null);
        }

        return (last, liberty);
    }

    private static async Task PlaceAsync(GtpEngineProcess engine, Color color, Point point, int size, CancellationToken cancellationToken)
    {
        if (!await engine.PlayAsync(color, point, size, cancellationToken))
        {
            throw new GtpEngineException($"The engine refused to set up a {color.ToWord()} stone at {point.ToLabel(size)}.");
        }
    }

    private sealed record SyncedPosition(int Size, double Komi, IReadOnlyList<Stone> Stones, Color ToMove);
}
