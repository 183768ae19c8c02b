using BenchmarkDotNet.Attributes;
using Igo.Computer;
using Igo.Computer.MonteCarlo;
using Igo.Domain;

namespace Igo.Bench;

/// <summary>
/// The built-in player's search speed: one move's search from an empty board (UCT with RAVE, playouts that avoid own
/// eyes and self-atari), on one thread and on every core (Threads = 0; root parallelism). One operation is one playout,
/// so the report reads as time per playout; the Playouts/s column is its inverse (for all cores, the total over threads).
/// </summary>
[Config(typeof(PlayoutsPerSecondConfig))]
public class MonteCarloBenchmarks
{
    private const int PlayoutsPerSearch = 4_000;

    private ComputerPosition position = null!;
    private MonteCarloBrain brain = null!;

    [Params(9, 19)]
    public int Size { get; set; }

    [Params(1, 0)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        position = ComputerPosition.FromView(Game.Create(Size, Ruleset.Japanese()).View());
        var threads = Threads > 0 ? Threads : Environment.ProcessorCount;
        brain = new MonteCarloBrain(new MonteCarloSettings(PlayoutsPerSearch, null, threads, Seed: 1));
    }

    [Benchmark(OperationsPerInvoke = PlayoutsPerSearch)]
    public int SearchPlayouts() => brain.AnalyzeAsync(position, new HashSet<Point>()).GetAwaiter().GetResult().Playouts;

}
