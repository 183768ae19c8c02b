using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Igo.Web.Circuits;

/// <summary>
/// Ties the player's presence to the circuit's connection, not only to the circuit's life: when SignalR's keep-alive
/// gives up on the browser (<see cref="CircuitServices.AddIgoCircuitKeepAlive"/>: 30 s without a word), the circuit's
/// seat lets go of its key, so the away grace before a claim starts then and the opponent sees "away" at the same
/// moment; a circuit that reconnects takes the key back. Without this, a page whose network silently dropped would
/// hold its key until the circuit is disposed, minutes later.
/// </summary>
internal sealed partial class SeatPresence(CircuitSeat seat, ILogger<SeatPresence> logger) : CircuitHandler
{
    public override async Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        LogConnectionDown(circuit?.Id);
        await seat.SuspendAsync();
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        await seat.ResumeAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Circuit {CircuitId} lost its connection: its seat lets go of its key until it reconnects")]
    private partial void LogConnectionDown(string? circuitId);
}
