using Igo.Domain;

namespace Igo.Tests.Games;

/// <summary>Compares game views by content (the record's lists compare by reference).</summary>
internal static class GameViews
{
    private static readonly PointState[] NoPoints = [];
    private static readonly bool[] NoFlags = [];

    private static readonly Dictionary<Point, ActionRefusal> NoRefusals = [];

    public static void AssertSame(GameView expected, GameView actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(Bare(expected), Bare(actual));
        Assert.Equal(expected.Points, actual.Points);
        Assert.Equal(expected.LegalForTurn, actual.LegalForTurn);
        Assert.Equal(expected.Refusals, actual.Refusals);
    }

    private static GameView Bare(GameView view) => view with { Points = NoPoints, LegalForTurn = NoFlags, Refusals = NoRefusals };
}
