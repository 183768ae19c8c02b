using Igo.Web.Circuits;
using Igo.Web.Games;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Igo.Web.Operations;

/// <summary>
/// Puts every inbound activity of a Blazor circuit (events, JS calls, renders they cause) in a logging scope naming the
/// circuit, as the compatibility endpoint does for a socket. The id is the one the circuit holds keys under (the UI's
/// <see cref="CircuitIdentity"/>), else the circuit's public id; never its reconnection secret.
/// </summary>
internal sealed class CircuitCorrelation(IServiceProvider circuitServices, ILogger<CircuitCorrelation> logger) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var id = circuitServices.GetService<CircuitIdentity>()?.Id ?? context.Circuit.Id;
            using var scope = logger.BeginScope(CorrelationScope.Connection(ConnectionKind.Circuit, id));
            await next(context);
        };
}
