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
public class GameViewBenchmarks
{
    private const int Moves = 300;

    private GameAction[] log = [];
    private Ruleset rules = Ruleset.Japanese();

    [Params(KoRule.Simple, KoRule.PositionalSuperko)]
    public KoRule Ko { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        rules = new Ruleset(Ko, ScoringRule.Territory, 6.5);
        log = RecordedGames.Random19x19(rules, Moves, seed: 7);
    }

    [Benchmark(Baseline = true)]
    public int Replay() => Game.Replay(19, rules, log).Version;

    [Benchmark]
    public int ReplayThenView() => Game.Replay(19, rules, log).View().LegalForTurn.Count;
}
