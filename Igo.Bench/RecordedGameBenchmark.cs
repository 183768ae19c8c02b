using BenchmarkDotNet.Attributes;
using Igo.Domain;

namespace Igo.Bench;

/// <summary>What the rules benchmarks share: a recorded random 19x19 game of <see cref="Moves"/> actions, under each ko rule.</summary>
public abstract class RecordedGameBenchmark
{
    protected const int Moves = 300;

    [Params(KoRule.Simple, KoRule.PositionalSuperko)]
    public KoRule Ko { get; set; }

    protected GameAction[] Log { get; private set; } = [];

    protected Ruleset Rules { get; private set; } = Ruleset.Japanese();

    [GlobalSetup]
    public void Setup()
    {
        Rules = new Ruleset(Ko, ScoringRule.Territory, 6.5);
        Log = RecordedGames.Random19x19(Rules, Moves, seed: 7);
    }
}
