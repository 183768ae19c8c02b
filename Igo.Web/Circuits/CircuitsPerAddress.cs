using System.Net;
using System.Threading.RateLimiting;
using Igo.Data.Diagnostics;
using Igo.Web.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Igo.Web.Circuits;

/// <summary>
/// Caps the Blazor circuits one client address holds on this instance (<see cref="SecurityOptions.MaxCircuitsPerAddress"/>,
/// counted by <see cref="ClientAddress"/> after the forwarded-headers middleware, as sockets are). A hub filter on the
/// circuits' SignalR hub: a connection takes a place when it starts, resumes or reconnects a circuit, before the
/// framework creates anything, and gives it back when it closes. A disconnected circuit waiting for its browser holds
/// no place; the framework keeps at most <c>CircuitOptions.DisconnectedCircuitMaxRetained</c> of those per instance.
/// Over the cap, a new page's start is refused with a sentence its script shows (wwwroot/js/igo.js); a refused
/// reconnect or resume makes the page reload, and the reload is refused the same way, so nothing loops.
/// </summary>
internal sealed partial class CircuitsPerAddress : IHubFilter, IDisposable
{
    private static readonly object PlaceKey = new();
    private static readonly HashSet<string> TakesAPlace = ["StartCircuit", "ResumeCircuit", "ConnectCircuit"];

    private readonly PartitionedRateLimiter<IPAddress> places;
    private readonly int limit;
    private readonly IgoMetrics metrics;
    private readonly ILogger<CircuitsPerAddress> logger;

    public CircuitsPerAddress(IOptions<SecurityOptions> options, IgoMetrics metrics, ILogger<CircuitsPerAddress> logger)
    {
        limit = options.Value.MaxCircuitsPerAddress;
        this.metrics = metrics;
        this.logger = logger;
        places = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetConcurrencyLimiter(
            address,
            _ => new ConcurrencyLimiterOptions { PermitLimit = limit, QueueLimit = 0 }));
    }

    /// <summary>What a page refused for want of a place tells its user.</summary>
    public static string RefusalText(int limit) =>
        $"Too many Igo pages are open from your address (at most {limit} at once). Close one, then reload this page.";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var items = invocationContext.Context.Items;
        var method = invocationContext.HubMethodName;
        if (!TakesAPlace.Contains(method) || items.ContainsKey(PlaceKey))
        {
            return await next(invocationContext);
        }

        var address = ClientAddress.Of(invocationContext.Context.GetHttpContext()!);
        var place = places.AttemptAcquire(address);
        if (!place.IsAcquired)
        {
            place.Dispose();
            metrics.InputRejected("too_many_circuits");
            CircuitRefused(logger, address, limit, method);

            // Only a new page can show the reason; a reconnect or resume answered "no" makes the page reload into that.
            return method == "StartCircuit" ? throw new HubException(RefusalText(limit))
                : method == "ConnectCircuit" ? false
                : null;
        }

        items[PlaceKey] = place;
        object? result;
        try
        {
            result = await next(invocationContext);
        }
        catch
        {
            GiveBack(items);
            throw;
        }

        if (result is null or false)
        {
            // No circuit came of it (bad input, or a circuit the server no longer has): the place is free again.
            GiveBack(items);
        }

        return result;
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        GiveBack(context.Context.Items);
        return next(context, exception);
    }

    public void Dispose() => places.Dispose();

    private static void GiveBack(IDictionary<object, object?> items)
    {
        if (items.Remove(PlaceKey, out var place))
        {
            (place as RateLimitLease)?.Dispose();
        }
    }

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Refused {Method} from {ClientAddress}: it already holds {Limit} circuits")]
    private static partial void CircuitRefused(ILogger logger, IPAddress clientAddress, int limit, string method);
}
