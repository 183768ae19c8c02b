using Igo.Domain;

namespace Igo.Tests.Domain;

/// <summary>
/// Seeded random games checked after every move against an independent, from-scratch reading of the position:
/// chains and liberties by flood fill, the hash by XOR of the Zobrist keys, stone counts by bookkeeping.
/// </summary>
[Trait("Category", "Domain")]
public sealed class BoardInvariantTests
{
    [Theory]
    [InlineData(9, 1, 3000)]
    [InlineData(9, 2, 3000)]
    [InlineData(9, 3, 3000)]
    [InlineData(19, 4, 3000)]
    [InlineData(19, 5, 3000)]
    [InlineData(13, 6, 2000)]
    [InlineData(2, 7, 300)]
    public void Random_games_keep_chains_liberties_counts_and_hash_exact(int size, int seed, int moves)
    {
        var board = new Board(size);
        var random = new Random(seed);
        var placed = 0;
        var captured = 0;
        var color = Color.Black;
        var largestCapture = 0;

        for (var move = 0; move < moves; move++)
        {
            if (RandomLegalPoint(board, color, random) is { } point)
            {
                var predicted = board.HashAfter(point, color);
                var result = board.Play(point, color);
                placed++;
                captured += result.CapturedCount;
                largestCapture = Math.Max(largestCapture, result.CapturedCount);
                Assert.Equal(predicted, result.Hash);
                Assert.Equal(result.CapturedCount, board.CapturedByLastMove().Count);
            }
            else
            {
                board.Pass();
            }

            AssertMatchesFromScratch(board, placed - captured);
            AssertPlacementsMatchEachPoint(board, Color.Black);
            AssertPlacementsMatchEachPoint(board, Color.White);
            color = color.Opponent();
        }

        Assert.True(largestCapture > 1, "the random games should capture chains, not only single stones");
    }

    // Uniform over empty points, eye filling allowed (it makes the big captures); occasionally a pass.
    private static Point? RandomLegalPoint(Board board, Color color, Random random)
    {
        var empties = board.EmptyPoints().ToArray();
        if (empties.Length == 0 || random.Next(50) == 0)
        {
            return null;
        }

        var start = random.Next(empties.Length);
        for (var i = 0; i < empties.Length; i++)
        {
            var point = empties[(start + i) % empties.Length];
            if (board.IsLegal(point, color))
            {
                return point;
            }
        }

        return null;
    }

    // The whole-board pass against the board's judgement of each point alone.
    private static void AssertPlacementsMatchEachPoint(Board board, Color color)
    {
        var size = board.Size;
        var legal = new bool[size * size];
        var hashAfter = new ulong[size * size];
        board.Placements(color, legal, hashAfter);
        for (var index = 0; index < legal.Length; index++)
        {
            var point = new Point(index / size, index % size);
            Assert.Equal(board.IsLegal(point, color), legal[index]);
            if (legal[index])
            {
                Assert.Equal(board.HashAfter(point, color), hashAfter[index]);
            }
        }
    }

    private static void AssertMatchesFromScratch(Board board, int expectedStones)
    {
        var size = board.Size;
        var seen = new bool[size * size];
        var hash = 0UL;
        var stones = 0;
        var empties = 0;
        for (var row = 0; row < size; row++)
        {
            for (var col = 0; col < size; col++)
            {
                var point = new Point(row, col);
                var stone = board[point];
                if (stone == Stone.Empty)
                {
                    empties++;
                    Assert.Null(board.ChainAt(point));
                    continue;
                }

                stones++;
                hash ^= Zobrist.Key(row, col, (Color)stone);
                if (seen[(row * size) + col])
                {
                    continue;
                }

                var (chainStones, chainLiberties) = FloodFill(board, point);
                foreach (var member in chainStones)
                {
                    seen[(member.Row * size) + member.Col] = true;
                }

                Assert.NotEmpty(chainLiberties);
                var chain = board.ChainAt(point)!;
                Assert.Equal((Color)stone, chain.Color);
                Assert.Equal(chainStones, chain.Stones.ToHashSet());
                Assert.Equal(chainLiberties, chain.Liberties.ToHashSet());
                Assert.Equal(chainStones.Count, chain.Stones.Count);
                Assert.Equal(chainLiberties.Count, chain.Liberties.Count);
                foreach (var member in chainStones)
                {
                    Assert.Equal(chainLiberties.Count, board.LibertiesAt(member));
                    Assert.Equal(chainStones.Count, board.ChainSizeAt(member));
                }
            }
        }

        Assert.Equal(hash, board.Hash);
        Assert.Equal(expectedStones, stones);
        Assert.Equal(stones, board.StoneCount(Color.Black) + board.StoneCount(Color.White));
        Assert.Equal(empties, board.EmptyCount);
        Assert.Equal(empties, board.EmptyPoints().Distinct().Count());
    }

    private static (HashSet<Point> Stones, HashSet<Point> Liberties) FloodFill(Board board, Point start)
    {
        var color = board[start];
        var stones = new HashSet<Point> { start };
        var liberties = new HashSet<Point>();
        var frontier = new Stack<Point>([start]);
        while (frontier.TryPop(out var point))
        {
            foreach (var next in new[] { point with { Row = point.Row - 1 }, point with { Row = point.Row + 1 }, point with { Col = point.Col - 1 }, point with { Col = point.Col + 1 } })
            {
                if (!next.IsOnBoard(board.Size))
                {
                    continue;
                }

                if (board[next] == Stone.Empty)
                {
                    liberties.Add(next);
                }
                else if (board[next] == color && stones.Add(next))
                {
                    frontier.Push(next);
                }
            }
        }

        return (stones, liberties);
    }
}
