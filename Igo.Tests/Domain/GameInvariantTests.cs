using Igo.Domain;
using static Igo.Domain.ActionType;

namespace Igo.Tests.Domain;

/// <summary>
/// Seeded random games through <see cref="Game"/>: after every move the view agrees with the board, and every accepted
/// undo brings back exactly the position before the requester's last move (stones, hash, prisoners, turn, ko memory).
/// The whole log then replays to the same game.
/// </summary>
[Trait("Category", "Domain")]
public sealed class GameInvariantTests
{
    [Theory]
    [InlineData(9, KoRule.Simple, 11, 2500, 3)]
    [InlineData(9, KoRule.PositionalSuperko, 12, 2500, 3)]
    [InlineData(9, KoRule.SituationalSuperko, 13, 2500, 3)]
    [InlineData(19, KoRule.Simple, 14, 3000, 12)]
    [InlineData(19, KoRule.PositionalSuperko, 15, 2000, 12)]
    public void Random_games_with_undos_restore_exact_positions_and_replay_identically(int size, KoRule ko, int seed, int moves, int undoOneIn)
    {
        var rules = new Ruleset(ko, ko == KoRule.Simple ? ScoringRule.Territory : ScoringRule.Area, 6.5);
        var game = Game.Create(size, rules);
        var random = new Random(seed);
        var history = new List<(Color Mover, Snapshot Before)>();
        var undos = 0;

        for (var step = 0; step < moves; step++)
        {
            if (history.Count > 0 && random.Next(undoOneIn) == 0)
            {
                var requester = random.Next(2) == 0 ? Color.Black : Color.White;
                var last = history.FindLastIndex(h => h.Mover == requester);
                if (last < 0)
                {
                    continue;
                }

                game.MustDo(RequestUndo, requester);
                game.MustDo(Accept, requester.Opponent());
                Assert.Equal(history[last].Before, Snapshot.Of(game));
                history.RemoveRange(last, history.Count - last);
                undos++;
                continue;
            }

            var before = Snapshot.Of(game);
            var mover = game.Turn;
            var legal = game.LegalMoves().ToArray();
            var passAllowed = game.Actions.Count == 0 || game.Actions[^1].Type != Pass; // keep the game in play
            if (legal.Length == 0 && !passAllowed)
            {
                break; // both players would have to pass: the random game is over
            }

            if (legal.Length == 0 || (passAllowed && random.Next(40) == 0))
            {
                game.MustDo(Pass, mover);
            }
            else
            {
                var point = legal[random.Next(legal.Length)];
                game.MustDo(PlaceStone, mover, point);
                Assert.Equal(mover.ToStone(), game.View()[point].Stone);
            }

            Assert.Equal(GameStatus.Play, game.Status);
            history.Add((mover, before));
            AssertViewMatchesBoard(game);
        }

        Assert.True(undos > 10, $"only {undos} undos were exercised");
        Assert.True(game.Version > moves / 2, $"the random game stopped early, after {game.Version} actions");
        var replayed = Game.Replay(size, rules, game.Actions);
        Assert.Equal(Snapshot.Of(game), Snapshot.Of(replayed));
        Assert.Equal(game.Moves, replayed.Moves);
        Assert.Equal(game.Version, replayed.Version);
    }

    private static void AssertViewMatchesBoard(Game game)
    {
        var view = game.View();
        var board = game.CopyBoard();
        Assert.Equal(board.ToArray(), view.Points.Select(p => p.Stone).ToArray());
        Assert.Equal(game.Version, view.Version);
        Assert.Equal(game.Moves.Count, view.MoveNumber);
    }

    private sealed record Snapshot(string Board, ulong Hash, PerColor<int> Prisoners, Color Turn, string Legal, int Moves)
    {
        public static Snapshot Of(Game game) => new(
            game.CopyBoard().ToString(),
            game.BoardHash,
            game.Prisoners,
            game.Turn,
            string.Concat(game.View().LegalForTurn.Select(l => l ? '1' : '0')),
            game.Moves.Count);
    }
}
