using Igo.Domain;

namespace Igo.Web.Circuits;

/// <summary>The player's actions from the game page, each sent through <see cref="SendAsync"/>.</summary>
internal sealed partial class CircuitSeat
{
    /// <summary>Plays, asks or answers through the seat, one action at a time; a refusal is shown to the player.</summary>
    public Task ActAsync(ActionType type, Point? point) =>
        SendAsync(type, (held, ending) => held.ActAsync(type, point, ending));

    /// <summary>Accepts the scoring phase's count as marked at <paramref name="markingVersion"/> (the version shown).</summary>
    public Task AcceptCountAsync(int markingVersion) =>
        SendAsync(ActionType.RequestTally, (held, ending) => held.AcceptCountAsync(markingVersion, ending));
}
