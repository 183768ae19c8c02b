namespace Igo.Web.Components.Play;

/// <summary>Why the board refused the player's point (<see cref="OutcomeText.OfRefusal"/>), for the version of the game it was chosen on.</summary>
public sealed record BoardRefusal(int Version, string Text);
