namespace Igo.Domain;

/// <summary>
/// The line a review steps through, and where it stands: the game's own moves, or a variation that leaves them at
/// <see cref="BranchAt"/> (tried on the review board, never sent to the game). Each position is rebuilt from the start
/// by the rules engine (a few microseconds a move), so captures, ko and the prisoners are exactly the game's and a
/// review holds no board per move. Not thread-safe: one page owns it.
/// </summary>
public sealed class ReviewLine
{
    private List<Move> moves;
    private ReviewFrame? frame;
    private int changes;

    public ReviewLine(ReviewRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Record = record;
        moves = [.. record.Moves];
    }

    public ReviewRecord Record { get; private set; }

    /// <summary>The moves of the line shown: the game's, or the game's up to <see cref="BranchAt"/> and then the variation's.</summary>
    public IReadOnlyList<Move> Moves => moves;

    /// <summary>How many moves of <see cref="Moves"/> are on the board (0: the start, <see cref="Moves"/>.Count: the end).</summary>
    public int Cursor { get; private set; }

    /// <summary>Null on the game's line; in a variation, how many of the game's moves it keeps before its own.</summary>
    public int? BranchAt { get; private set; }

    public bool InVariation => BranchAt is not null;

    public bool AtEnd => Cursor == moves.Count;

    /// <summary>Goes to the position after <paramref name="moveNumber"/> moves of the line (clamped to it); false when it was there already.</summary>
    public bool GoTo(int moveNumber)
    {
        var target = Math.Clamp(moveNumber, 0, moves.Count);
        if (target == Cursor)
        {
            return false;
        }

        Cursor = target;
        Changed();
        return true;
    }

    public bool Step(int delta) => GoTo(Cursor + delta);

    /// <summary>
    /// The player to move places a stone at <paramref name="point"/>: the line's next move when it is that one, else a
    /// variation from here (a variation's moves after the cursor are dropped). Null when played; else why it cannot be,
    /// and nothing changes.
    /// </summary>
    public ActionRefusal? Try(Point point)
    {
        if (!point.IsOnBoard(Record.Size))
        {
            return new ActionRefusal.OffBoard(point, Record.Size);
        }

        var position = Replay(Cursor);
        var move = new Move(position.Turn, point);
        if (Cursor < moves.Count && moves[Cursor] == move)
        {
            GoTo(Cursor + 1);
            return null;
        }

        if (position.PlacementRefusal(point, position.Turn) is { } refusal)
        {
            return refusal;
        }

        var line = moves.GetRange(0, Cursor);
        line.Add(move);
        var shared = SharedLength(line, Record.Moves);
        if (shared == line.Count)
        {
            // Back on the game's own line (its move, tried at the branch point).
            moves = [.. Record.Moves];
            BranchAt = null;
        }
        else
        {
            moves = line;
            BranchAt = shared;
        }

        Cursor = line.Count;
        Changed();
        return null;
    }

    /// <summary>Leaves a variation for the game's line, at the move where they part (or earlier, if the cursor is); false on the game's line.</summary>
    public bool BackToGame()
    {
        if (BranchAt is not { } branch)
        {
            return false;
        }

        moves = [.. Record.Moves];
        BranchAt = null;
        Cursor = Math.Min(Cursor, branch);
        Changed();
        return true;
    }

    /// <summary>
    /// The game goes on (a live game's review): <paramref name="longer"/>, the same game with more moves or its result,
    /// becomes the record while the cursor and any variation stay where they are, so the new moves only lengthen the
    /// line. False, and nothing changes, when it is not the same game continued.
    /// </summary>
    public bool Follow(ReviewRecord longer)
    {
        ArgumentNullException.ThrowIfNull(longer);
        if (longer.Size != Record.Size || longer.Rules != Record.Rules || longer.Moves.Count < Record.Moves.Count
            || SharedLength([.. longer.Moves], Record.Moves) < Record.Moves.Count)
        {
            return false;
        }

        Record = longer;
        if (BranchAt is null)
        {
            moves = [.. longer.Moves];
        }

        Changed();
        return true;
    }

    /// <summary>The position at the cursor (built once per change).</summary>
    public ReviewFrame Frame() => frame ??= BuildFrame();

    private static int SharedLength(List<Move> line, IReadOnlyList<Move> game)
    {
        var shared = 0;
        while (shared < line.Count && shared < game.Count && line[shared] == game[shared])
        {
            shared++;
        }

        return shared;
    }

    private void Changed()
    {
        frame = null;
        changes++;
    }

    private Position Replay(int count)
    {
        var position = Position.Start(Record.Size, Record.Rules);
        for (var i = 0; i < count; i++)
        {
            Apply(position, moves[i]);
        }

        return position;
    }

    private static int Apply(Position position, Move move)
    {
        var before = position.Prisoners[move.Player];
        if (move.Point is { } point)
        {
            position.Place(point, move.Player);
        }
        else
        {
            position.Pass(move.Player);
        }

        return position.Prisoners[move.Player] - before;
    }

    private ReviewFrame BuildFrame()
    {
        var size = Record.Size;
        var position = Position.Start(size, Record.Rules);
        var numbers = new int[size * size];
        var captured = 0;
        for (var i = 0; i < Cursor; i++)
        {
            captured = Apply(position, moves[i]);
            if (moves[i].Point is { } placed)
            {
                numbers[(placed.Row * size) + placed.Col] = i + 1;
            }

            if (captured > 0)
            {
                foreach (var gone in position.Board.CapturedByLastMove())
                {
                    numbers[(gone.Row * size) + gone.Col] = 0;
                }
            }
        }

        var last = Cursor > 0 ? moves[Cursor - 1] : (Move?)null;
        return new ReviewFrame(View(position, last), Cursor, last, Cursor > 0 ? captured : 0, Array.AsReadOnly(numbers));
    }

    // In play, so the board knows where a variation may go; at the end of the game's line of a counted game, the final
    // board with its territory and dead stones.
    private GameView View(Position position, Move? last)
    {
        var size = Record.Size;
        var board = position.Board;
        var final = !InVariation && AtEnd ? Record.FinalPoints : null;
        var points = new PointState[size * size];
        var placements = position.PlacementsForTurn();
        for (var index = 0; index < points.Length; index++)
        {
            points[index] = final?[index] ?? new PointState(board[new Point(index / size, index % size)], false, false, Stone.Empty);
        }

        return new GameView(
            size,
            Record.Rules,
            GameStatus.Play,
            position.Turn,
            Array.AsReadOnly(points),
            position.Prisoners,
            default,
            null,
            null,
            last?.Point,
            Cursor,
            changes,
            null,
            Array.AsReadOnly(placements.Legal))
        {
            LastPlay = last,
            KoPoint = placements.KoPoint,
            Refusals = placements.Refusals,
        };
    }
}
