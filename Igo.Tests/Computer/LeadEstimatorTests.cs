using Igo.Computer.Review;
using Igo.Domain;
using Microsoft.Extensions.Logging.Abstractions;

namespace Igo.Tests.Computer;

/// <summary>The engine review's estimators: one lead before the moves and one after each, from Black's side.</summary>
[Trait("Category", "Ai")]
public sealed class LeadEstimatorTests
{
    // 7x7: black builds a wall down the middle and the edge beyond it while white only passes; komi 0.5.
    private static ReviewRecord BlackTakesTheBoard()
    {
        var game = Game.Create(7, new Ruleset(KoRule.Simple, ScoringRule.Area, 0.5));
        foreach (var label in new[] { "D4", "D3", "D5", "D2", "D6", "D1", "D7", "C4", "E4" })
        {
            Assert.True(game.Apply(new GameAction(ActionType.PlaceStone, Color.Black, Point.FromLabel(label, 7), DateTimeOffset.UnixEpoch)).Accepted);
            Assert.True(game.Apply(new GameAction(ActionType.Pass, Color.White, null, DateTimeOffset.UnixEpoch)).Accepted);
        }

        return ReviewRecord.Of(game);
    }

    private static async Task<IReadOnlyList<double>> EstimateAsync(IScoreLeadEstimator estimator, ReviewRecord record)
    {
        var progress = new List<int>();
        var leads = await estimator.EstimateAsync(record, done => { progress.Add(done); return Task.CompletedTask; }, TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(1, record.Moves.Count + 1), progress);
        return leads;
    }

    [Fact]
    public async Task Playouts_see_an_even_start_and_black_s_board_at_the_end()
    {
        var record = BlackTakesTheBoard();

        var leads = await EstimateAsync(new PlayoutLeadEstimator(300, seed: 7), record);

        Assert.Equal(record.Moves.Count + 1, leads.Count);
        Assert.InRange(leads[0], -10, 10);
        Assert.True(leads[^1] > 30, $"Black owns nearly all 49 points at the end, estimated {leads[^1]}.");
    }

    [Fact]
    public async Task GnuGo_estimates_every_position_and_sees_black_ahead_at_the_end()
    {
        GnuGo.SkipUnlessInstalled();
        var record = BlackTakesTheBoard();

        var leads = await EstimateAsync(new GnuGoLeadEstimator(GnuGo.CommandLine, TimeSpan.FromSeconds(30), NullLogger.Instance), record);

        Assert.Equal(record.Moves.Count + 1, leads.Count);
        Assert.True(leads[^1] > 20, $"Black owns nearly all 49 points at the end, estimated {leads[^1]}.");
    }
}
