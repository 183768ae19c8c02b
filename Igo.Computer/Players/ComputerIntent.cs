using Igo.Domain;

namespace Igo.Computer.Players;

/// <summary>An action a computer player has decided to take: what it is, and the point for a stone or a dead-stone mark.</summary>
public sealed record ComputerIntent(ActionType Type, Point? Point = null)
{
    public static readonly ComputerIntent Pass = new(ActionType.Pass);

    public override string ToString() => Point is { } point ? $"{Type} {point}" : Type.ToString();
}
