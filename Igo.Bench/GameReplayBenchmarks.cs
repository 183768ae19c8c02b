using BenchmarkDotNet.Attributes;
using Igo.Domain;

namespace Igo.Bench;

/// <summary>
/// The full rules path a server takes: <see cref="Game.Replay(int, Ruleset, IEnumerable{GameAction})"/> of a recorded random 19x19 game (every action
/// validated, ko/superko checked, logged). One operation is one replayed move.
/// </summary>
[Config(typeof(MovesPerSecondConfig))]
public class GameReplayBenchmarks : RecordedGameBenchmark
{
    [Benchmark(OperationsPerInvoke = Moves)]
    public int ReplayMoves() => Game.Replay(19, Rules, Log).Version;

}
