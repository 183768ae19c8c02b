namespace Igo.Domain;

/// <summary>
/// The line of play: the board, whose turn it is, the prisoners, the ko rule's memory, and the events that produced them
/// (moves and agreed dead-stone removals). Taking back moves rebuilds it from its events, so the earlier position comes
/// back exactly (hash, prisoners, ko and superko memory included) without a board copy per move.
/// </summary>
internal sealed class Position
{
    private readonly Ruleset rules;
    private readonly List<LineEvent> events = [];
    private readonly List<Move> moves = [];
    private KoGuard ko;

    private Position(int size, Ruleset rules)
    {
        this.rules = rules;
        Moves = moves.AsReadOnly();
        Board = new Board(size);
        foreach (var point in Handicap.StandardPoints(size, rules.Handicap))
        {
            Board.Play(point, Color.Black);
        }

        Turn = rules.Handicap > 0 ? Color.White : Color.Black;
        ko = new KoGuard(rules.Ko, Board.Hash, Turn);
    }

    public Board Board { get; private set; }

    public Color Turn { get; private set; }

    public PerColor<int> Prisoners { get; private set; }

    public IReadOnlyList<Move> Moves { get; }

    /// <summary>The stones removed as dead so far in this line, for the record (SGF territory markup).</summary>
    public IEnumerable<(Color Color, IReadOnlyList<Point> Stones)> DeadStoneRemovals =>
        events.Where(e => e.Removed is not null).Select(e => (e.Player, e.Removed!));

    public static Position Start(int size, Ruleset rules) => new(size, rules);

    /// <summary>Null when <paramref name="player"/> may place a stone at the on-board <paramref name="point"/> now; else why not.</summary>
    public ActionRefusal? PlacementRefusal(Point point, Color player)
    {
        if (Board[point] != Stone.Empty)
        {
            return new ActionRefusal.Occupied(point);
        }

        if (Board.IsSuicide(point, player))
        {
            return new ActionRefusal.Suicide(point);
        }

        return KoRefusal(point, ko.Check(Board.HashAfter(point, player), player.Opponent()));
    }

    /// <summary>
    /// <see cref="PlacementRefusal"/> of the player to move on every point at once, in one pass over the board: what a
    /// view of the game needs after every action.
    /// </summary>
    public Placements PlacementsForTurn()
    {
        var size = Board.Size;
        var legal = new bool[size * size];
        Span<ulong> hashAfter = stackalloc ulong[legal.Length];
        Board.Placements(Turn, legal, hashAfter);
        Dictionary<Point, ActionRefusal>? refusals = null;
        for (var row = 0; row < size; row++)
        {
            for (var col = 0; col < size; col++)
            {
                var point = new Point(row, col);
                var index = (row * size) + col;
                ActionRefusal? refusal = legal[index]
                    ? KoRefusal(point, ko.Check(hashAfter[index], Turn.Opponent()))
                    : Board[point] == Stone.Empty ? new ActionRefusal.Suicide(point) : null;
                if (refusal is not null)
                {
                    legal[index] = false;
                    (refusals ??= [])[point] = refusal;
                }
            }
        }

        return new Placements(legal, refusals);
    }

    /// <summary>The same judgement as <see cref="PlacementRefusal"/> without building a refusal (legal-move lists).</summary>
    public bool IsLegal(Point point, Color player) =>
        Board.IsLegal(point, player) && ko.Check(Board.HashAfter(point, player), player.Opponent()) == KoViolation.None;

    private static ActionRefusal.Ko? KoRefusal(Point point, KoViolation violation) => violation switch
    {
        KoViolation.SimpleKo => new ActionRefusal.Ko(point, KoRule.Simple),
        KoViolation.PositionalSuperko => new ActionRefusal.Ko(point, KoRule.PositionalSuperko),
        KoViolation.SituationalSuperko => new ActionRefusal.Ko(point, KoRule.SituationalSuperko),
        _ => null,
    };

    public void Place(Point point, Color player)
    {
        var before = Board.Hash;
        var result = Board.Play(point, player);
        Prisoners = Prisoners.With(player, Prisoners[player] + result.CapturedCount);
        Turn = player.Opponent();
        ko.AfterPlacement(before, result.Hash, Turn);
        events.Add(new LineEvent(player, point, null));
        moves.Add(new Move(player, point));
    }

    public void Pass(Color player)
    {
        Board.Pass();
        Turn = player.Opponent();
        ko.AfterOtherChange(Board.Hash, Turn);
        events.Add(new LineEvent(player, null, null));
        moves.Add(new Move(player, null));
    }

    /// <summary>Removes the chain through <paramref name="point"/> as dead; its stones become prisoners of the other colour.</summary>
    public int RemoveDeadChain(Point point)
    {
        var chain = Board.ChainAt(point) ?? throw new InvalidOperationException($"No chain at {point} to remove.");
        Board.RemoveChainAt(point);
        var capturer = chain.Color.Opponent();
        Prisoners = Prisoners.With(capturer, Prisoners[capturer] + chain.Stones.Count);
        ko.AfterOtherChange(Board.Hash, Turn);
        events.Add(new LineEvent(chain.Color, point, chain.Stones));
        return chain.Stones.Count;
    }

    public bool HasMoveBy(Color player) => moves.Exists(m => m.Player == player);

    /// <summary>
    /// Goes back to the position just before <paramref name="player"/>'s last move: that move and everything after it
    /// (the opponent's reply, removals) are taken back. It is then <paramref name="player"/>'s turn again.
    /// </summary>
    public void TakeBackLastMoveOf(Color player)
    {
        var keep = events.FindLastIndex(e => e.Player == player && e.Removed is null);
        if (keep < 0)
        {
            throw new InvalidOperationException($"{player} has no move to take back.");
        }

        var replayed = events.GetRange(0, keep);
        var fresh = new Position(Board.Size, rules);
        foreach (var e in replayed)
        {
            if (e.Removed is not null)
            {
                fresh.RemoveDeadChain(e.Point!.Value);
            }
            else if (e.Point is { } point)
            {
                fresh.Place(point, e.Player);
            }
            else
            {
                fresh.Pass(e.Player);
            }
        }

        Board = fresh.Board;
        Turn = fresh.Turn;
        Prisoners = fresh.Prisoners;
        ko = fresh.ko;
        events.Clear();
        events.AddRange(fresh.events);
        moves.Clear();
        moves.AddRange(fresh.moves);
    }

    /// <summary>A move (point set, or a pass) or a removal of dead stones (<see cref="Removed"/> set; Player = their colour).</summary>
    private sealed record LineEvent(Color Player, Point? Point, IReadOnlyList<Point>? Removed);
}
