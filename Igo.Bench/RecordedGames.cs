using Igo.Domain;

namespace Igo.Bench;

/// <summary>Legal games recorded once for the rules benchmarks to replay.</summary>
internal static class RecordedGames
{
    /// <summary>A seeded random 19x19 game of <paramref name="moves"/> actions that stays in play (passes where a random move is illegal).</summary>
    public static GameAction[] Random19x19(Ruleset rules, int moves, int seed)
    {
        var game = Game.Create(19, rules);
        var random = new Random(seed);
        var at = DateTimeOffset.UnixEpoch;
        while (game.Actions.Count < moves)
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

        return [.. game.Actions];
    }
}
