using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Igo.Web.Lobby;

/// <summary>
/// Ties the page's challenge to the circuit's connection, not only to the circuit's life: a circuit whose browser went
/// away is kept for minutes in case it reconnects, and its challenge must not stay in the lobby that long. While the
/// connection is down the challenge is not kept alive (it leaves after the grace); when it comes back, it is again.
/// </summary>
internal sealed class ChallengePresence(MyChallenge challenge) : CircuitHandler
{
    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        challenge.Suspend();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        challenge.Resume();
        return Task.CompletedTask;
    }
}
