using Igo.Computer;
using Igo.Computer.MonteCarlo;
using Igo.Domain;

namespace Igo.Tests.Computer;

[Trait("Category", "Ai")]
public sealed class MonteCarloBrainTests
{
    private static readonly MonteCarloSettings Settings = new(Playouts: 2000, Time: null, Threads: 2, Seed: 7, JudgePlayouts: 400);

    // Black to play: the five white stones in the middle have one liberty left, at E4 (5, 4).
    private static readonly string[] CaptureFive =
    [
        ".........",
        ".........",
        "...XXX...",
        "..XOOOX..",
        "..XOOX...",
        "...X.....",
        ".........",
        ".........",
        ".........",
    ];

    private static readonly string[] DeadStoneInside = Positions.DeadStoneInside;

    private static IReadOnlySet<Point> None => new HashSet<Point>();

    [Fact]
    public async Task It_captures_a_large_chain_in_atari()
    {
        var position = Positions.Position(Color.Black, CaptureFive);

        var move = await new MonteCarloBrain(Settings).ChooseMoveAsync(position, None, TestContext.Current.CancellationToken);

        Assert.Equal(new Point(5, 4), move);
    }

    [Fact]
    public async Task It_never_chooses_an_excluded_move()
    {
        var position = Positions.Position(Color.Black, CaptureFive);
        var excluded = new HashSet<Point> { new(5, 4) };

        var analysis = await new MonteCarloBrain(Settings).AnalyzeAsync(position, excluded, TestContext.Current.CancellationToken);

        Assert.NotEqual(new Point(5, 4), analysis.Move);
        Assert.DoesNotContain(analysis.Candidates, candidate => candidate.Point == new Point(5, 4));
    }

    [Fact]
    public async Task It_keeps_to_the_games_legal_points()
    {
        var position = Positions.Position(Color.Black, CaptureFive);
        var legal = position.Legal.ToArray();
        legal[position.Index(new Point(5, 4))] = false; // as if a superko rule forbade the capture
        var forbidden = position with { Legal = legal };

        var analysis = await new MonteCarloBrain(Settings).AnalyzeAsync(forbidden, None, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(analysis.Candidates, candidate => candidate.Point == new Point(5, 4));
    }

    [Fact]
    public async Task It_passes_when_every_legal_move_would_fill_its_own_eye()
    {
        var position = Positions.Position(
            Color.Black,
            ".X.X.",
            "XXXXX",
            ".X.X.",
            "XXXXX",
            ".X.X.");

        var analysis = await new MonteCarloBrain(Settings).AnalyzeAsync(position, None, TestContext.Current.CancellationToken);

        Assert.Null(analysis.Move);
        Assert.All(analysis.Candidates, candidate => Assert.Null(candidate.Point));
    }

    [Fact]
    public async Task It_does_not_pass_in_the_opening_however_small_its_budget()
    {
        var position = ComputerPosition.FromView(Game.Create(9, Ruleset.Japanese()).View());

        for (var seed = 1; seed <= 5; seed++)
        {
            var move = await new MonteCarloBrain(new MonteCarloSettings(200, null, 2, seed)).ChooseMoveAsync(position, None, TestContext.Current.CancellationToken);
            Assert.NotNull(move);
        }
    }

    [Fact]
    public async Task It_passes_after_the_opponent_passed_when_it_leads_by_the_count()
    {
        var position = Positions.Position(Color.Black, DeadStoneInside) with { OpponentPassed = true };

        var move = await new MonteCarloBrain(Settings).ChooseMoveAsync(position, None, TestContext.Current.CancellationToken);

        Assert.Null(move);
    }

    [Fact]
    public async Task The_same_seed_and_budget_give_the_same_analysis()
    {
        var position = Positions.Position(Color.White, DeadStoneInside);

        var first = await new MonteCarloBrain(Settings).AnalyzeAsync(position, None, TestContext.Current.CancellationToken);
        var second = await new MonteCarloBrain(Settings).AnalyzeAsync(position, None, TestContext.Current.CancellationToken);

        Assert.Equal(first.Move, second.Move);
        Assert.Equal(first.Candidates, second.Candidates);
        Assert.Equal(first.Ownership, second.Ownership);
        Assert.Equal(Settings.Playouts, first.Playouts);
    }

    [Fact]
    public async Task Its_judgement_finds_the_dead_stone_and_leaves_the_living_alone()
    {
        var position = Positions.Position(Color.White, DeadStoneInside);

        var judgement = await new MonteCarloBrain(Settings).JudgeAsync(position, TestContext.Current.CancellationToken);

        Assert.Equal([new Point(2, 6)], judgement.DeadStones);
        Assert.NotNull(judgement.Ownership);
        Assert.True(judgement.Ownership![position.Index(new Point(0, 0))] > 0.3, "The top is mostly black's.");
        Assert.True(judgement.Ownership[position.Index(new Point(8, 8))] < -0.3, "The bottom is mostly white's.");

        // The lead is the game's own count once the dead stone is removed.
        var expected = ScoreEstimator.BlackLead(position, [new Point(2, 6)]);
        Assert.Equal(expected, judgement.BlackLead);
    }
}
