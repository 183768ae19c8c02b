namespace Igo.Web.Ui;

/// <summary>
/// Names the Blazor circuit (the scoped lifetime of a Blazor Server connection) when it holds a key:
/// the coordinator tells holders apart by this id.
/// </summary>
public sealed class CircuitIdentity
{
    public string Id { get; } = Guid.NewGuid().ToString("N");

    public Games.SeatHolder Holder => new(Games.ConnectionKind.Circuit, Id);
}
