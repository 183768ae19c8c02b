using Igo.Computer;
using Igo.Computer.Gtp;
using Igo.Computer.MonteCarlo;
using Igo.Computer.Players;
using Igo.Domain;
using Igo.Testing.Games;
using Microsoft.Extensions.Logging.Abstractions;

namespace Igo.Tests.Computer;

[Trait("Category", "Ai")]
public sealed class GnuGoGameTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_9x9_game_against_GNU_Go_played_out_ends_by_counting_with_legal_moves_and_its_dead_stone_judgement()
    {
        GnuGo.SkipUnlessInstalled();
        await using var pool = new GtpEnginePool("gnugo", GnuGo.CommandLine, 1, GtpTimeouts.Default, NullLogger.Instance);
        var timeline = new List<object>();
        var gnuGo = new RecordingBrain(new GtpBrain("GNU Go", pool, 1, new MonteCarloBrain(new(100, null, 1, 5, 100)), NullLogger<GtpBrain>.Instance), timeline);
        var builtIn = new MonteCarloBrain(new MonteCarloSettings(Playouts: 300, Time: null, Threads: 2, Seed: 11, JudgePlayouts: 300));
        var game = LocalGame.Create(
            9,
            Ruleset.Japanese(),
            new PolicyPlayer(new ComputerPlayerPolicy(builtIn, Color.Black, mayResign: false)),
            new RecordingPlayer(new PolicyPlayer(new ComputerPlayerPolicy(gnuGo, Color.White, mayResign: false)), timeline));

        var result = await game.PlayAsync(maxActions: 400, TestContext.Current.CancellationToken);

        output.WriteLine($"{result}, score {game.Game.Tally?.Score}, {game.Game.View().MoveNumber} moves\n{game.Game.CopyBoard()}");
        Assert.Equal(GameStatus.Complete, game.Game.Status);
        Assert.Equal(0, game.Refusals);
        Assert.All(game.Log.Where(entry => entry.Intent.Type == ActionType.PlaceStone), entry => Assert.True(entry.Outcome.Accepted));

        // GNU Go's own dead-stone list decided the scoring phase: every group the GNU Go side marked dead was in the
        // judgement it had just made, and that judgement came from GNU Go itself.
        var judgements = timeline.OfType<PositionJudgement>().ToList();
        Assert.NotEmpty(judgements);
        Assert.All(judgements, judgement => Assert.Equal("GNU Go", judgement.JudgedBy));
        PositionJudgement? latest = null;
        foreach (var entry in timeline)
        {
            if (entry is PositionJudgement judgement)
            {
                latest = judgement;
            }
            else if (entry is ComputerIntent { Type: ActionType.MarkGroupDead, Point: { } marked })
            {
                Assert.NotNull(latest);
                Assert.Contains(marked, latest.DeadStones);
            }
        }

        // And the game ended on a count both sides accepted, with every stone GNU Go last judged dead marked so.
        var scoring = game.Game.View().Scoring;
        Assert.NotNull(scoring);
        Assert.All(judgements[^1].DeadStones, stone => Assert.Contains(stone, scoring.Marking.Dead));
    }

    private sealed class RecordingBrain(IComputerBrain inner, List<object> timeline) : IComputerBrain
    {
        public string Name => inner.Name;

        public Task<Point?> ChooseMoveAsync(ComputerPosition position, IReadOnlySet<Point> excluded, CancellationToken cancellationToken = default) =>
            inner.ChooseMoveAsync(position, excluded, cancellationToken);

        public async Task<PositionJudgement> JudgeAsync(ComputerPosition position, CancellationToken cancellationToken = default)
        {
            var judgement = await inner.JudgeAsync(position, cancellationToken);
            timeline.Add(judgement);
            return judgement;
        }
    }

    private sealed class RecordingPlayer(ILocalPlayer inner, List<object> timeline) : ILocalPlayer
    {
        public async Task<ComputerIntent?> DecideAsync(GameView view, CancellationToken cancellationToken)
        {
            var intent = await inner.DecideAsync(view, cancellationToken);
            if (intent is not null)
            {
                timeline.Add(intent);
            }

            return intent;
        }

        public void Refused(GameView view, ComputerIntent intent) => inner.Refused(view, intent);
    }
}
