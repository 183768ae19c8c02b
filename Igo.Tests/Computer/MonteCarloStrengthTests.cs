using Igo.Computer.MonteCarlo;
using Igo.Computer.Players;
using Igo.Domain;
using Igo.Testing.Games;

namespace Igo.Tests.Computer;

[Trait("Category", "Ai")]
public sealed class MonteCarloStrengthTests(ITestOutputHelper output)
{
    // A playout budget and fixed seeds and thread count: the same games on every machine, and quick.
    private static MonteCarloSettings Budget(int seed) => new(Playouts: 200, Time: null, Threads: 2, Seed: seed, JudgePlayouts: 200);

    [Fact]
    public async Task A_9x9_game_against_the_built_in_player_played_out_ends_by_counting()
    {
        var black = new ComputerPlayerPolicy(new MonteCarloBrain(Budget(1)), Color.Black, mayResign: false);
        var white = new ComputerPlayerPolicy(new MonteCarloBrain(Budget(2)), Color.White, mayResign: false);
        var game = LocalGame.Create(9, Ruleset.Japanese(), new PolicyPlayer(black), new PolicyPlayer(white));

        var result = await game.PlayAsync(maxActions: 400, TestContext.Current.CancellationToken);

        output.WriteLine($"{result} after {game.Game.View().MoveNumber} moves, score {game.Game.Tally?.Score}\n{game.Game.CopyBoard()}");
        Assert.Equal(GameStatus.Complete, game.Game.Status);
        Assert.NotNull(game.Game.Tally);
        Assert.Equal(0, game.Refusals);
    }

    [Fact]
    public async Task The_built_in_player_beats_a_uniformly_random_player_in_at_least_9_of_10_seeded_games()
    {
        var wins = 0;
        for (var seed = 1; seed <= 10; seed++)
        {
            var computerColor = seed % 2 == 0 ? Color.Black : Color.White;
            var computer = new PolicyPlayer(new ComputerPlayerPolicy(new MonteCarloBrain(Budget(seed)), computerColor));
            var random = new RandomPlayer(computerColor.Opponent(), seed);
            var game = computerColor == Color.Black
                ? LocalGame.Create(9, Ruleset.Chinese(), computer, random)
                : LocalGame.Create(9, Ruleset.Chinese(), random, computer);

            var result = await game.PlayAsync(maxActions: 1000, TestContext.Current.CancellationToken);

            output.WriteLine($"seed {seed}: computer {computerColor}, {result.Type} won by {result.Winner}, score {game.Game.Tally?.Score}, {game.Game.View().MoveNumber} moves");
            wins += result.Winner == computerColor ? 1 : 0;
        }

        Assert.True(wins >= 9, $"The built-in player won {wins} of 10 games against random play.");
    }
}
