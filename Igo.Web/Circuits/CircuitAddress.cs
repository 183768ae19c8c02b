using System.Net;
using Igo.Web.Security;

namespace Igo.Web.Circuits;

/// <summary>
/// The client address of this circuit (by <see cref="ClientAddress"/>: IPv6 by its /64), which its per-address limits
/// count against. A circuit only sees an HttpContext while the requests that start it run, after the forwarded-headers
/// middleware; <see cref="CircuitAddressCapture"/> takes it then, once. It never changes afterwards, so a reconnect
/// (which keeps the circuit) cannot move the circuit to a fresh allowance, and a reload counts from the same address.
/// </summary>
internal sealed partial class CircuitAddress(IHttpContextAccessor accessor, ILogger<CircuitAddress> logger)
{
    private readonly Lock gate = new();
    private IPAddress? captured;
    private bool reportedUnknown;

    /// <summary>
    /// The address to count against. Unknown ones (no request was seen) all share <see cref="IPAddress.None"/>: failing
    /// closed keeps guessing hopeless, and still never slows a player who knows their key.
    /// </summary>
    public IPAddress Partition
    {
        get
        {
            Capture();
            lock (gate)
            {
                if (captured is not null)
                {
                    return captured;
                }

                if (!reportedUnknown)
                {
                    reportedUnknown = true;
                    UnknownAddress(logger);
                }

                return IPAddress.None;
            }
        }
    }

    /// <summary>Takes the address of the current request, if there is one and none was taken before.</summary>
    public void Capture()
    {
        if (accessor.HttpContext is not { } context)
        {
            return;
        }

        lock (gate)
        {
            captured ??= ClientAddress.Of(context);
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "A circuit's client address is unknown; its failed joins count against the allowance shared by all unknown addresses")]
    private static partial void UnknownAddress(ILogger logger);
}
