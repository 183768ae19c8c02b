using Igo.Domain;

namespace Igo.Tests.Components;

/// <summary>Views of real games, played through the rules from a list of moves ("D4 PASS E5", black first).</summary>
internal static class PlayedViews
{
    /// <summary>Black builds a ko at E5 that white takes with D5 (black to move), with a suicide point for black at A1 on the way.</summary>
    public const string KoAtE5 = "C5 F5 D6 E6 D4 E4 E5 A2 J9 B1 J8 D5";

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The game after <paramref name="moves"/>, to which more actions may be applied.</summary>
    public static Game Play(int size, string moves)
    {
        var game = Game.Create(size, Ruleset.Japanese());
        var turn = Color.Black;
        foreach (var move in moves.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var action = move == "PASS"
                ? new GameAction(ActionType.Pass, turn, null, Start)
                : new GameAction(ActionType.PlaceStone, turn, Point.FromLabel(move, size) ?? throw new ArgumentException(move, nameof(moves)), Start);
            Assert.True(game.Apply(action).Accepted, move);
            turn = turn.Opponent();
        }

        return game;
    }

    public static GameView After(int size, string moves) => Play(size, moves).View();

    /// <summary>Applies one more action of <paramref name="player"/> and answers the view it leaves.</summary>
    public static GameView Then(Game game, ActionType type, Color player, Point? point = null)
    {
        ArgumentNullException.ThrowIfNull(game);
        Assert.True(game.Apply(new GameAction(type, player, point, Start)).Accepted, type.ToString());
        return game.View();
    }
}
