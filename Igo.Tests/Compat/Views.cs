using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Tests.Compat;

/// <summary>Game views and snapshots built by hand, for tests of the wire format that need no rules engine.</summary>
internal static class Views
{
    public static GameView Empty(int size, double komi = 6.5) => new(
        size,
        Ruleset.Japanese(komi),
        GameStatus.Play,
        Color.Black,
        Enumerable.Repeat(PointState.Empty, size * size).ToArray(),
        new PerColor<int>(0, 0),
        new PerColor<int>(0, 0),
        null,
        null,
        null,
        0,
        0,
        null,
        Enumerable.Repeat(true, size * size).ToArray());

    public static GameView With(this GameView view, Point point, PointState state)
    {
        var points = view.Points.ToArray();
        points[(point.Row * view.Size) + point.Col] = state;
        return view with { Points = points };
    }

    public static GameSnapshot Snapshot(GameView view, double timePlayed = 0, bool blackConnected = true, bool whiteConnected = false) =>
        new(1, view, timePlayed, null, new PerColor<bool>(blackConnected, whiteConnected));
}
