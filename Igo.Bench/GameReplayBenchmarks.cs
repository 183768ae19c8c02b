using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Igo.Domain;

namespace Igo.Bench;

/// <summary>
/// The full rules path a server takes: <see cref="Game.Replay"/> of a recorded random 19x19 game (every action
/// validated, ko/superko checked, logged). One operation is one replayed move.
/// </summary>
[Config(typeof(ShortReplayConfig))]
public class GameReplayBenchmarks
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

    [Benchmark(OperationsPerInvoke = Moves)]
    public int ReplayMoves() => Game.Replay(19, rules, log).Version;

    private sealed class ShortReplayConfig : ManualConfig
    {
        public ShortReplayConfig()
        {
            AddJob(Job.ShortRun.WithId("Short"));
            AddColumn(new MovesPerSecondColumn());
        }
    }
}
