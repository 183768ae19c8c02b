using Igo.Computer;
using Igo.Data.Diagnostics;
using Igo.Web.Games;
using Igo.Web.Operations;
using Igo.Web.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Igo.Web.Compat;

/// <summary>
/// Accepts igo-frontend sockets at <c>/websocket</c>: refuses a non-WebSocket request (400), a disallowed origin (403)
/// and an address that already holds its share of sockets (429), then runs the connection until it closes.
/// </summary>
internal sealed class CompatibilityEndpoint(
    IOptions<CompatibilityOptions> options,
    HeldKeys heldKeys,
    ClientAddressLimits limits,
    FailedJoinLimiter failedJoins,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<CompatibilityEndpoint> logger)
{
    private readonly CompatibilityOptions settings = options.Value;
    private readonly OriginPolicy origins = new(options.Value.OriginSuffix);

    public async Task HandleAsync(HttpContext context)
    {
        // Plain-text refusals: the status-code pages of the Blazor app must not turn them into an HTML page.
        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;

        if (!context.WebSockets.IsWebSocketRequest)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "This endpoint only accepts WebSocket connections");
            return;
        }

        var origin = context.Request.Headers.Origin.ToString();
        if (!origins.IsAllowed(origin))
        {
            CompatLog.OriginRefused(logger, origin);
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "This origin may not connect");
            return;
        }

        // Counted before the upgrade, and held until the socket ends: a refused client never costs a socket.
        var address = ClientAddress.Of(context);
        using var permit = limits.AcquireConnection(address);
        if (!permit.IsAcquired)
        {
            CompatLog.TooManyConnections(logger, address, settings.MaxConnectionsPerAddress);
            context.RequestServices.GetRequiredService<IgoMetrics>().InputRejected("too_many_connections");
            await RefuseAsync(context, StatusCodes.Status429TooManyRequests, ProtocolTexts.TooManyConnections(settings.MaxConnectionsPerAddress));
            return;
        }

        var coordinator = context.RequestServices.GetRequiredService<IGameCoordinator>();
        var computerLevel = context.RequestServices.GetService<IComputerOpponents>()?.Available is [var first, ..] ? first.Id : null;
        var holder = new SeatHolder(ConnectionKind.Socket, Guid.NewGuid().ToString("N"));
        var metrics = context.RequestServices.GetRequiredService<IgoMetrics>();

        // A stopping instance asks its sockets to go away (and reconnect elsewhere) once its drain delay is over.
        var goingAway = context.RequestServices.GetService<ShutdownSignal>()?.Leaving ?? lifetime.ApplicationStopping;
        using var scope = logger.BeginScope(CorrelationScope.Connection(holder.Kind, holder.ConnectionId));

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = settings.KeepAliveInterval,
            KeepAliveTimeout = settings.KeepAliveTimeout,
        });
        var connection = new CompatConnection(
            socket,
            sink => new CompatSession(coordinator, holder, heldKeys, new AddressAllowance(limits, failedJoins, address, holder.ConnectionId, logger), computerLevel, sink, metrics, logger),
            settings,
            time,
            metrics,
            logger);
        await connection.RunAsync(context.RequestAborted, goingAway);
    }

    private static Task RefuseAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
