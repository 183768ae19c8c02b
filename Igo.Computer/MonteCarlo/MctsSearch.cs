using System.Diagnostics;
using Igo.Domain;

namespace Igo.Computer.MonteCarlo;

/// <summary>
/// One thread's Monte-Carlo tree search (UCT with RAVE) from a position. The tree grows one node per playout once a
/// node has been visited <see cref="ExpandAfter"/> times; selection blends a move's own winning rate with its
/// all-moves-as-first rate (Gelly and Silver's MC-RAVE), which makes a few thousand playouts play sensibly on 9x9.
/// The tree never offers a move that fills the mover's own eye; at the root it also keeps to the game's legal
/// points (ko, superko) and leaves out the moves the caller excludes. A pass is a candidate at the root and after a pass,
/// judged by its playouts like any move (it has no all-moves-as-first statistics).
/// </summary>
internal sealed class MctsSearch
{
    private const int ExpandAfter = 2;
    private const double RaveBias = 0.01; // 4 b^2 in the MC-RAVE schedule: smaller trusts RAVE longer
    private const double Exploration = 0.1;
    private const double FirstPlayUrgency = 1.1;

    private readonly Board rootBoard;
    private readonly Board board;
    private readonly ComputerPosition position;
    private readonly IReadOnlySet<Point> excluded;
    private readonly Random random;
    private readonly int size;
    private readonly double komi;
    private readonly byte[] firstMover;
    private readonly sbyte[] owners;
    private readonly List<MctsNode> path = [];
    private readonly Playout playout;

    public MctsSearch(ComputerPosition position, IReadOnlySet<Point> excluded, int seed, bool tactics)
    {
        this.position = position;
        this.excluded = excluded;
        rootBoard = position.ToBoard();
        board = rootBoard.Clone();
        random = new Random(seed);
        size = position.Size;
        komi = position.Rules.Komi;
        firstMover = new byte[size * size];
        owners = new sbyte[size * size];
        playout = new Playout(size, tactics);
        Ownership = new double[size * size];
        Root = new MctsNode(MctsNode.PassMove, position.ToMove.Opponent());
    }

    public MctsNode Root { get; }

    /// <summary>Sum over playouts of each point's owner (+1 black, -1 white).</summary>
    public double[] Ownership { get; }

    public int Playouts { get; private set; }

    /// <summary>Sum over playouts of black's lead in points (komi included).</summary>
    public double BlackLeadSum { get; private set; }

    /// <summary>Runs playouts until <paramref name="maxPlayouts"/> are done or the clock passes <paramref name="deadline"/>.</summary>
    public void Run(int maxPlayouts, long deadline, CancellationToken cancellationToken)
    {
        for (var i = 0; i < maxPlayouts; i++)
        {
            if ((i & 15) == 0 && (Stopwatch.GetTimestamp() > deadline || cancellationToken.IsCancellationRequested))
            {
                break;
            }

            Iterate();
        }
    }

    private void Iterate()
    {
        board.CopyFrom(rootBoard);
        path.Clear();
        var node = Root;
        path.Add(node);
        var toMove = position.ToMove;
        var passes = 0;
        while (passes < 2)
        {
            if (node.Children is null)
            {
                if (node.Visits < ExpandAfter && node != Root)
                {
                    break;
                }

                Expand(node, toMove);
            }

            var child = Select(node);
            if (child.IsPass)
            {
                board.Pass();
                passes++;
            }
            else
            {
                board.Play(position.PointAt(child.Move), toMove);
                passes = 0;
            }

            path.Add(child);
            node = child;
            toMove = toMove.Opponent();
            if (child.Visits == 0)
            {
                break;
            }
        }

        // After two passes in the tree the playout still runs: random play removes the dead stones a bare count would keep.
        Array.Clear(firstMover);
        var blackLead = playout.Run(board, toMove, random, komi, firstMover, owners);
        Record(blackLead);
    }

    private void Record(double blackLead)
    {
        Playouts++;
        BlackLeadSum += blackLead;
        for (var i = 0; i < owners.Length; i++)
        {
            Ownership[i] += owners[i];
        }

        var winner = blackLead > 0 ? Color.Black : Color.White;
        var draw = blackLead == 0;
        for (var depth = path.Count - 1; depth >= 0; depth--)
        {
            var node = path[depth];
            var toMove = node.Mover.Opponent();
            if (node.Children is { } children)
            {
                foreach (var child in children)
                {
                    if (!child.IsPass && firstMover[child.Move] == (byte)toMove)
                    {
                        child.RaveVisits++;
                        child.RaveWins += draw ? 0.5 : winner == toMove ? 1 : 0;
                    }
                }
            }

            node.Visits++;
            node.Wins += draw ? 0.5 : winner == node.Mover ? 1 : 0;
            node.PointsSum += node.Mover == Color.Black ? blackLead : -blackLead;

            // Going up, this node's move becomes the first play on its point for the nodes above.
            if (!node.IsPass && depth > 0)
            {
                firstMover[node.Move] = (byte)node.Mover;
            }
        }
    }

    private static MctsNode Select(MctsNode node)
    {
        var children = node.Children!;
        var logParent = Math.Log(node.Visits + 1);
        MctsNode best = children[0];
        var bestValue = double.NegativeInfinity;
        foreach (var child in children)
        {
            var value = Value(child, logParent);
            if (value > bestValue)
            {
                bestValue = value;
                best = child;
            }
        }

        return best;
    }

    private static double Value(MctsNode child, double logParent)
    {
        var visits = child.Visits;
        var rave = child.RaveVisits;
        if (visits == 0 && rave == 0)
        {
            return FirstPlayUrgency;
        }

        var rate = visits > 0 ? child.Wins / visits : 0;
        var raveRate = rave > 0 ? child.RaveWins / rave : 0;
        var beta = rave / (visits + rave + (RaveBias * visits * rave));
        return ((1 - beta) * rate) + (beta * raveRate) + (Exploration * Math.Sqrt(logParent / (visits + 1)));
    }

    private void Expand(MctsNode node, Color toMove)
    {
        var atRoot = node == Root;
        var children = new List<MctsNode>();
        var ko = board.KoPoint;
        for (var index = 0; index < size * size; index++)
        {
            var point = position.PointAt(index);
            if (board[point] != Stone.Empty || point == ko || board.IsEye(point, toMove) || !board.IsLegal(point, toMove))
            {
                continue;
            }

            if (atRoot && (!position.Legal[index] || excluded.Contains(point)))
            {
                continue;
            }

            children.Add(new MctsNode(index, toMove));
        }

        // A pass is a candidate at the root (the caller compares it with the best move) and in answer to a pass deeper
        // in the tree; elsewhere it would only dilute the search.
        if (atRoot || node.IsPass || children.Count == 0)
        {
            children.Add(new MctsNode(MctsNode.PassMove, toMove));
        }
        node.Children = [.. children];
    }
}
