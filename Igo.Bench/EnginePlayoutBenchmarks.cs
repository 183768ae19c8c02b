using BenchmarkDotNet.Attributes;
using Igo.Computer.MonteCarlo;
using Igo.Domain;

namespace Igo.Bench;

/// <summary>
/// The built-in player's playout as its search runs it after each tree descent, on one thread: from an empty board,
/// the board's playout moves (no own-eye filling, no self-atari) until both pass, the all-moves-as-first record, then
/// the count of every point's owner. One operation is one whole playout; the Playouts/s column is its inverse.
/// </summary>
[Config(typeof(PlayoutsPerSecondConfig))]
public class EnginePlayoutBenchmarks : EmptyBoardBenchmark
{
    private const int PlayoutsPerInvoke = 200;

    private Playout playout = null!;
    private byte[] firstMover = null!;
    private sbyte[] owners = null!;

    public override void Setup()
    {
        base.Setup();
        playout = new Playout(Size, tactics: false);
        firstMover = new byte[Size * Size];
        owners = new sbyte[Size * Size];
    }

    [Benchmark(OperationsPerInvoke = PlayoutsPerInvoke)]
    public double EnginePlayouts()
    {
        var lead = 0.0;
        for (var i = 0; i < PlayoutsPerInvoke; i++)
        {
            Board.CopyFrom(Empty);
            Array.Clear(firstMover);
            lead += playout.Run(Board, Color.Black, Random, 6.5, firstMover, owners);
        }

        return lead;
    }
}
