using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Igo.Domain;

namespace Igo.Bench;

/// <summary>
/// The snapshot the server builds after every committed action: every point's state and its legality for the player
/// to move. A view is cached per version, so it is measured as the server pays it: replaying a recorded 19x19 game of
/// 300 moves with a view after every action, against replaying it alone.
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class GameViewBenchmarks : RecordedGameBenchmark
{
    [Benchmark(Baseline = true)]
    public int Replay() => Game.Replay(19, Rules, Log).Version;

    [Benchmark]
    public int ReplayViewingEachAction()
    {
        var game = Game.Create(19, Rules);
        var moves = 0;
        foreach (var action in Log)
        {
            game.Apply(action);
            moves += game.View().MoveNumber;
        }

        return moves;
    }
}
