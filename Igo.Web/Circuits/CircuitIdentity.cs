using Igo.Web.Games;

namespace Igo.Web.Circuits;

/// <summary>
/// Names the Blazor circuit (the scoped lifetime of a Blazor Server connection) when it holds a key:
/// the coordinator tells holders apart by this id.
/// </summary>
public sealed class CircuitIdentity
{
    public string Id { get; } = Guid.NewGuid().ToString("N");

    public SeatHolder Holder => new(ConnectionKind.Circuit, Id);
}
