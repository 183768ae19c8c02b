namespace Igo.Domain;

/// <summary>A move of the line of play: a stone placed at <see cref="Point"/>, or a pass when it is null.</summary>
public readonly record struct Move(Color Player, Point? Point)
{
    public bool IsPass => Point is null;
}
