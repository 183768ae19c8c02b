using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Igo.Web.Circuits;

/// <summary>
/// Takes the circuit's client address (<see cref="CircuitAddress"/>) while the circuit starts: the framework creates
/// its handlers, and runs its first inbound activity, inside the <c>/_blazor</c> request, where the HttpContext (after
/// the forwarded-headers middleware) is still there. Later activities find the address already taken.
/// </summary>
internal sealed class CircuitAddressCapture : CircuitHandler
{
    private readonly CircuitAddress address;

    public CircuitAddressCapture(CircuitAddress address)
    {
        this.address = address;
        address.Capture();
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            address.Capture();
            return next(context);
        };
}
