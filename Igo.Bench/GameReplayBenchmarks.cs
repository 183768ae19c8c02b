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
        var game = Game.Create(19, rules);
        var random = new Random(7);
        var at = DateTimeOffset.UnixEpoch;
        while (game.Actions.Count < Moves)
        {
            var scratch = game.CopyBoard();
            var point = scratch.PlayRandomMove(game.Turn, random);
            var action = point is { } p && game.IsLegalPlacement(p, game.Turn)
                ? new GameAction(ActionType.PlaceStone, game.Turn, p, at)
                : new GameAction(ActionType.Pass, game.Turn, null, at);
            if (!game.Apply(action).Accepted || game.Status != GameStatus.Play)
            {
                throw new InvalidOperationException("The recorded game should stay in play.");
            }
        }

        log = [.. game.Actions];
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
