using Igo.Domain;

namespace Igo.Computer.Players;

/// <summary>
/// An action a computer player has decided to take: what it is, and the point for a stone or a dead-stone mark. With a
/// <see cref="MarkingVersion"/>, it accepts the scoring phase's count as marked at that version (its own acceptance, or
/// the answer to the opponent's, as <see cref="Type"/> says for the game it saw).
/// </summary>
public sealed record ComputerIntent(ActionType Type, Point? Point = null, int? MarkingVersion = null)
{
    public static readonly ComputerIntent Pass = new(ActionType.Pass);

    /// <summary>Accepts the count of the marking at <paramref name="version"/>, answering the opponent's acceptance when <paramref name="answering"/>.</summary>
    public static ComputerIntent AcceptCount(int version, bool answering) =>
        new(answering ? ActionType.Accept : ActionType.RequestTally, null, version);

    public override string ToString() => Point is { } point ? $"{Type} {point}" : Type.ToString();
}
