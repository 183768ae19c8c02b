using Igo.Computer;
using Igo.Computer.Gtp;
using Igo.Computer.MonteCarlo;
using Igo.Domain;
using Microsoft.Extensions.Logging.Abstractions;

namespace Igo.Tests.Computer;

[Trait("Category", "Ai")]
public sealed class GtpBrainTests
{
    private static readonly MonteCarloSettings Tiny = new(Playouts: 100, Time: null, Threads: 1, Seed: 3, JudgePlayouts: 100);

    [Fact]
    public async Task A_hot_ko_is_recreated_when_a_position_is_set_up_from_scratch()
    {
        GnuGo.SkipUnlessInstalled();
        var view = PlayKo();
        var position = ComputerPosition.FromView(view);
        await using var pool = NewGnuGoPool();
        await using var lease = await pool.RentAsync(TestContext.Current.CancellationToken);

        await GtpPositionSync.SyncAsync(lease.Engine, position, TestContext.Current.CancellationToken);
        var retake = await lease.Engine.PlayAsync(Color.White, new Point(4, 4), 9, TestContext.Current.CancellationToken);

        Assert.False(view.IsLegalPlacement(new Point(4, 4)));
        Assert.False(retake, "GNU Go must know that white may not retake the ko at once.");
    }

    [Fact]
    public async Task A_position_one_move_on_is_followed_with_that_move_only()
    {
        GnuGo.SkipUnlessInstalled();
        var game = Game.Create(9, Ruleset.Japanese());
        await using var pool = NewGnuGoPool();
        await using var lease = await pool.RentAsync(TestContext.Current.CancellationToken);
        await GtpPositionSync.SyncAsync(lease.Engine, ComputerPosition.FromView(game.View()), TestContext.Current.CancellationToken);

        game.Apply(new GameAction(ActionType.PlaceStone, Color.Black, new Point(2, 2), DateTimeOffset.UnixEpoch));
        await GtpPositionSync.SyncAsync(lease.Engine, ComputerPosition.FromView(game.View()), TestContext.Current.CancellationToken);
        game.Apply(new GameAction(ActionType.Pass, Color.White, null, DateTimeOffset.UnixEpoch));
        await GtpPositionSync.SyncAsync(lease.Engine, ComputerPosition.FromView(game.View()), TestContext.Current.CancellationToken);

        // GNU Go's undo goes back one move at a time: a pass, then the stone, then nothing (no setup stones in between).
        Assert.True(await lease.Engine.UndoAsync(TestContext.Current.CancellationToken));
        Assert.True(await lease.Engine.UndoAsync(TestContext.Current.CancellationToken));
        Assert.False(await lease.Engine.UndoAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GNU_Go_moves_are_legal_and_its_judgement_finds_the_dead_stone()
    {
        GnuGo.SkipUnlessInstalled();
        await using var pool = NewGnuGoPool();
        var brain = new GtpBrain("GNU Go", pool, 1, new MonteCarloBrain(Tiny), NullLogger<GtpBrain>.Instance);
        var position = Positions.Position(
            Color.White,
            ".........",
            ".........",
            "......O..",
            ".........",
            "XXXXXXXXX",
            "OOOOOOOOO",
            ".........",
            ".........",
            ".........");

        var move = await brain.ChooseMoveAsync(position, new HashSet<Point>(), TestContext.Current.CancellationToken);
        var judgement = await brain.JudgeAsync(position, TestContext.Current.CancellationToken);

        Assert.True(move is null || position.IsLegal(move.Value));
        Assert.Equal([new Point(2, 6)], judgement.DeadStones);
        Assert.Equal("GNU Go", judgement.JudgedBy);
        Assert.Equal(ScoreEstimator.BlackLead(position, [new Point(2, 6)]), judgement.BlackLead);
    }

    [Fact]
    public async Task A_broken_engine_hands_the_move_and_the_judgement_to_the_fallback()
    {
        using var fake = new FakeGtpEngine();
        await using var pool = new GtpEnginePool("fake", new GtpCommandLine(fake.Path, []), 1, GtpTimeouts.Default, NullLogger.Instance);
        var fallback = new MonteCarloBrain(Tiny);
        var brain = new GtpBrain("Fake", pool, null, fallback, NullLogger<GtpBrain>.Instance);
        var position = ComputerPosition.FromView(Game.Create(9, Ruleset.Japanese()).View());
        var none = new HashSet<Point>();

        var move = await brain.ChooseMoveAsync(position, none, TestContext.Current.CancellationToken);
        var judgement = await brain.JudgeAsync(position, TestContext.Current.CancellationToken);

        Assert.Equal(await fallback.ChooseMoveAsync(position, none, TestContext.Current.CancellationToken), move);
        Assert.Equal(fallback.Name, judgement.JudgedBy);
    }

    // Black takes a ko at (4, 5); white may not retake at (4, 4) at once.
    internal static GameView PlayKo()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        var moves = new[] { (3, 4), (3, 5), (5, 4), (5, 5), (4, 3), (4, 6), (0, 0), (4, 4), (4, 5) };
        var color = Color.Black;
        foreach (var (row, col) in moves)
        {
            Assert.True(game.Apply(new GameAction(ActionType.PlaceStone, color, new Point(row, col), DateTimeOffset.UnixEpoch)).Accepted);
            color = color.Opponent();
        }

        return game.View();
    }

    private static GtpEnginePool NewGnuGoPool() => new("gnugo", GnuGo.CommandLine, 1, GtpTimeouts.Default, NullLogger.Instance);
}
