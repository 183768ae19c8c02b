using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Igo.Domain;

namespace Igo.Bench;

/// <summary>
/// The snapshot the server builds after every committed action: every point's state and its legality for the player
/// to move. A view is cached per version, so it is measured as the difference between replaying a recorded 19x19
/// game of 300 moves and replaying it, then viewing it.
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class GameViewBenchmarks : RecordedGameBenchmark
{
    [Benchmark(Baseline = true)]
    public int Replay() => Game.Replay(19, Rules, Log).Version;

    [Benchmark]
    public int ReplayThenView() => Game.Replay(19, Rules, Log).View().LegalForTurn.Count;
}
