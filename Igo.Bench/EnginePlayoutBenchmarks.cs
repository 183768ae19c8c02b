using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Igo.Computer.MonteCarlo;
using Igo.Domain;

namespace Igo.Bench;

/// <summary>
/// The built-in player's playout as its search runs it after each tree descent, on one thread: from an empty board,
/// the board's playout moves (no own-eye filling, no self-atari) until both pass, the all-moves-as-first record, then
/// the count of every point's owner. One operation is one whole playout; the Playouts/s column is its inverse.
/// </summary>
[Config(typeof(Config))]
public class EnginePlayoutBenchmarks
{
    private const int PlayoutsPerInvoke = 200;

    private Board empty = null!;
    private Board board = null!;
    private Random random = null!;
    private Playout playout = null!;
    private byte[] firstMover = null!;
    private sbyte[] owners = null!;

    [Params(9, 19)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        empty = new Board(Size);
        board = new Board(Size);
        random = new Random(20261128);
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
            board.CopyFrom(empty);
            Array.Clear(firstMover);
            lead += playout.Run(board, Color.Black, random, 6.5, firstMover, owners);
        }

        return lead;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun.WithId("Short"));
            AddColumn(PerSecondColumn.Playouts);
        }
    }
}
