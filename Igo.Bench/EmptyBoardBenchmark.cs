using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Igo.Domain;

namespace Igo.Bench;

/// <summary>What the playout benchmarks share: an empty board of each size to start every playout from, a board to play on, a seeded random.</summary>
public abstract class EmptyBoardBenchmark
{
    [Params(9, 19)]
    public int Size { get; set; }

    protected Board Empty { get; private set; } = null!;

    protected Board Board { get; private set; } = null!;

    protected Random Random { get; private set; } = null!;

    [GlobalSetup]
    public virtual void Setup()
    {
        Empty = new Board(Size);
        Board = new Board(Size);
        Random = new Random(20261128);
    }
}

/// <summary>BenchmarkDotNet's short run (3 warm-ups, 3 iterations, 1 launch; on CPU time when asked, see <see cref="CpuClock"/>) with a rate column.</summary>
internal abstract class ShortRunConfig : ManualConfig
{
    protected ShortRunConfig(PerSecondColumn rate)
    {
        AddJob(CpuClock.ShortRun());
        AddColumn(rate);
    }
}

/// <summary>The short run, with moves per second.</summary>
internal sealed class MovesPerSecondConfig() : ShortRunConfig(PerSecondColumn.Moves);

/// <summary>The short run, with playouts per second.</summary>
internal sealed class PlayoutsPerSecondConfig() : ShortRunConfig(PerSecondColumn.Playouts);
