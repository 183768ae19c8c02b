using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>
/// What a seat asks its game to do: an action of a given type, or, with no <see cref="Type"/>, the acceptance of the
/// count for <see cref="MarkingVersion"/>, whose action is decided on the game's queue (<see cref="CountAcceptance"/>).
/// </summary>
internal readonly record struct SeatIntent(ActionType? Type, Point? Point, int? MarkingVersion)
{
    /// <summary>The type the action metrics count it under (an acceptance of the count as a count request).</summary>
    public ActionType MetricType => Type ?? ActionType.RequestTally;

    public static SeatIntent Act(ActionType type, Point? point) => new(type, point, null);

    public static SeatIntent AcceptCount(int markingVersion) => new(null, null, markingVersion);
}
