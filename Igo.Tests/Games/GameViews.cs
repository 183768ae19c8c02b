using Igo.Domain;

namespace Igo.Tests.Games;

/// <summary>Compares game views by content (the record's lists compare by reference).</summary>
internal static class GameViews
{
    private static readonly PointState[] NoPoints = [];
    private static readonly bool[] NoFlags = [];

    public static void AssertSame(GameView expected, GameView actual)
    {
        Assert.Equal(expected with { Points = NoPoints, LegalForTurn = NoFlags }, actual with { Points = NoPoints, LegalForTurn = NoFlags });
        Assert.Equal(expected.Points, actual.Points);
        Assert.Equal(expected.LegalForTurn, actual.LegalForTurn);
    }
}
