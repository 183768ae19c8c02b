using Igo.Domain;
using Igo.Web.Computer;
using Igo.Web.Computer.Gtp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Igo.Tests.Computer;

[Trait("Category", "Ai")]
public sealed class PositionAdvisorTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task It_suggests_the_dead_chain_and_estimates_the_score_with_GNU_Go_or_playouts(bool gnuGo)
    {
        if (gnuGo)
        {
            GnuGo.SkipUnlessInstalled();
        }

        var options = Options.Create(new ComputerOptions { GnuGoCommand = gnuGo ? GnuGo.CommandLine.Command : string.Empty });
        await using var engines = new GtpEngines(options, NullLoggerFactory.Instance);
        var advisor = new PositionAdvisor(new ComputerPlayerCatalog(engines, options, NullLoggerFactory.Instance));
        var view = EndgameView();

        var judgement = await advisor.JudgeAsync(view, TestContext.Current.CancellationToken);

        Assert.Equal([new Point(2, 6)], PositionAdvisor.DeadChainAnchors(view, judgement));
        Assert.Equal(gnuGo ? "GNU Go" : "Built-in Monte-Carlo playouts", judgement.JudgedBy);

        // Black: 36 points of territory and the dead stone as a prisoner; white: 27 and komi 6.5.
        Assert.Equal(3.5, judgement.BlackLead);
        Assert.Equal($"Black leads by 3.5 ({judgement.JudgedBy})", PositionAdvisor.Describe(judgement));
    }

    // The top is black's, the bottom white's, and a white stone sits in black's area; both have passed.
    private static GameView EndgameView()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        for (var col = 0; col < 9; col++)
        {
            Assert.True(game.Apply(new GameAction(ActionType.PlaceStone, Color.Black, new Point(4, col), DateTimeOffset.UnixEpoch)).Accepted);
            Assert.True(game.Apply(new GameAction(ActionType.PlaceStone, Color.White, col == 8 ? new Point(2, 6) : new Point(5, col), DateTimeOffset.UnixEpoch)).Accepted);
        }

        Assert.True(game.Apply(new GameAction(ActionType.Pass, Color.Black, null, DateTimeOffset.UnixEpoch)).Accepted);
        Assert.True(game.Apply(new GameAction(ActionType.PlaceStone, Color.White, new Point(5, 8), DateTimeOffset.UnixEpoch)).Accepted);
        Assert.True(game.Apply(new GameAction(ActionType.Pass, Color.Black, null, DateTimeOffset.UnixEpoch)).Accepted);
        Assert.True(game.Apply(new GameAction(ActionType.Pass, Color.White, null, DateTimeOffset.UnixEpoch)).Accepted);
        Assert.Equal(GameStatus.Endgame, game.Status);
        return game.View();
    }
}
