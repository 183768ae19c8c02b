using BenchmarkDotNet.Attributes;
using Igo.Domain;

namespace Igo.Bench;

/// <summary>
/// Random playout moves on one thread, the Monte-Carlo workload: from an empty board, each side plays the board's
/// playout move (<see cref="Board.PlayRandomMove"/>: uniform among the legal moves that neither fill an own eye, nor
/// play a self-atari, nor retake a ko at once) until both pass; then the board is reset with <see cref="Board.CopyFrom"/>.
/// One operation is one stone placed, so the report reads as time per move; the Moves/s column is its inverse.
/// </summary>
[Config(typeof(MovesPerSecondConfig))]
public class PlayoutBenchmarks : EmptyBoardBenchmark
{
    private const int MovesPerInvoke = 200_000;

    [Benchmark(OperationsPerInvoke = MovesPerInvoke)]
    public int RandomPlayoutMoves()
    {
        var placed = 0;
        var color = Color.Black;
        var passes = 0;
        Board.CopyFrom(Empty);
        while (placed < MovesPerInvoke)
        {
            if (Board.PlayRandomMove(color, Random) is null)
            {
                Board.Pass();
                if (++passes == 2)
                {
                    Board.CopyFrom(Empty); // the playout is over: start the next one
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

        return Board.EmptyCount;
    }
}
