using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Igo.Domain;

namespace Igo.Bench;

/// <summary>
/// Random playout moves on one thread, the Monte-Carlo workload: from an empty board, each side plays the board's
/// playout move (<see cref="Board.PlayRandomMove"/>: uniform among the legal moves that neither fill an own eye, nor
/// play a self-atari, nor retake a ko at once) until both pass; then the board is reset with <see cref="Board.CopyFrom"/>.
/// One operation is one stone placed, so the report reads as time per move; the Moves/s column is its inverse.
/// </summary>
[Config(typeof(ShortPlayoutConfig))]
public class PlayoutBenchmarks
{
    private const int MovesPerInvoke = 200_000;

    private Board empty = null!;
    private Board board = null!;
    private Random random = null!;

    [Params(9, 19)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        empty = new Board(Size);
        board = new Board(Size);
        random = new Random(20261128);
    }

    [Benchmark(OperationsPerInvoke = MovesPerInvoke)]
    public int RandomPlayoutMoves()
    {
        var placed = 0;
        var color = Color.Black;
        var passes = 0;
        board.CopyFrom(empty);
        while (placed < MovesPerInvoke)
        {
            if (board.PlayRandomMove(color, random) is null)
            {
                board.Pass();
                if (++passes == 2)
                {
                    board.CopyFrom(empty); // the playout is over: start the next one
                    passes = 0;
                    color = Color.White; // flips back to black below
                }
            }
            else
            {
                placed++;
                passes = 0;
            }

            color = color.Opponent();
        }

        return board.EmptyCount;
    }

    private sealed class ShortPlayoutConfig : ManualConfig
    {
        public ShortPlayoutConfig()
        {
            AddJob(Job.ShortRun.WithId("Short"));
            AddColumn(PerSecondColumn.Moves);
        }
    }
}
