using Igo.Computer;
using Igo.Computer.Gtp;
using Igo.Domain;
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
        var advisor = new PositionAdvisor(engines, NullLoggerFactory.Instance);
        var view = EndgameView();

        var judgement = await advisor.JudgeAsync(view, TestContext.Current.CancellationToken);

        Assert.Equal([new Point(2, 6)], PositionAdvisor.DeadChainAnchors(view, judgement));
        Assert.Equal(gnuGo ? "GNU Go" : "Built-in Monte-Carlo playouts", judgement.JudgedBy);

        // Black: 26 points of territory (the dead stone's point included) and the stone as a prisoner; white: 19 and komi 6.5.
        Assert.Equal(1.5, judgement.BlackLead);
        Assert.Equal($"Black leads by 1.5 ({judgement.JudgedBy})", PositionAdvisor.Describe(judgement));

        // Advice never takes a process from the computer opponents' pool.
        Assert.Equal(0, engines.Find(GtpEngines.GnuGoId)?.RunningCount ?? 0);
        Assert.Equal(gnuGo ? 1 : 0, engines.Find(GtpEngines.GnuGoAdviceId)?.RunningCount ?? 0);
    }

    private static GameView EndgameView() => Positions.EndgameOf(Positions.DeadStoneInside).View();
}
