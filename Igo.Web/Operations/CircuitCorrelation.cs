using Igo.Web.Games;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Igo.Web.Operations;

/// <summary>
/// Puts every inbound activity of a Blazor circuit (events, JS calls, renders they cause) in a logging scope naming the
/// circuit, as the compatibility endpoint does for a socket. The circuit's public id, never its reconnection secret.
/// </summary>
internal sealed class CircuitCorrelation(ILogger<CircuitCorrelation> logger) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            using var scope = logger.BeginScope(CorrelationScope.Connection(ConnectionKind.Circuit, context.Circuit.Id));
            await next(context);
        };
}
