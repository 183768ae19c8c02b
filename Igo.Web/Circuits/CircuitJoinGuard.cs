using System.Net;
using Igo.Web.Games;
using Igo.Web.Security;

namespace Igo.Web.Circuits;

/// <summary>
/// The failed-join throttle as the Blazor UI applies it: the same per-address allowance as <c>/websocket</c>
/// (<see cref="FailedJoinLimiter"/>), counted against the circuit's address. A throttled join is refused before the
/// coordinator is asked, whatever the key: an answer that told a real key from a guess would let the guessing go on.
/// </summary>
internal sealed partial class CircuitJoinGuard(FailedJoinLimiter limiter, CircuitAddress address, CircuitIdentity circuit, ILogger<CircuitJoinGuard> logger)
{
    /// <summary>Starts a join; when its <see cref="JoinAttempt.Refusal"/> is set, show it and do not ask the coordinator.</summary>
    public JoinAttempt Begin()
    {
        var attempt = limiter.Begin(address.Partition);
        if (attempt.RefusedFor is not null)
        {
            RefusedThrottled(logger, address.Partition, circuit.Id);
        }

        return attempt;
    }

    /// <summary>Charges the attempt when the join failed the way a guess does; a successful join costs nothing.</summary>
    public void Settle(JoinAttempt attempt, SeatOutcome outcome)
    {
        if (outcome.Success || !JoinAttempt.IsGuess(outcome.Failure))
        {
            return;
        }

        if (attempt.Failed())
        {
            Throttled(logger, address.Partition, circuit.Id);
        }
    }

    /// <summary>The refusal to show now, or null when the address may try a join (nothing is taken).</summary>
    public string? Refusal() => limiter.Wait(address.Partition) is { } wait ? JoinAttempt.RefusalText(wait) : null;

    // Warning once, when the address runs out; each refusal after that only at Debug, so that hammering cannot flood the log.
    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Failed joins from {ClientAddress} are throttled from now (circuit {CircuitId})")]
    private static partial void Throttled(ILogger logger, IPAddress clientAddress, string circuitId);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Debug, Message = "Refused a join from throttled {ClientAddress} (circuit {CircuitId})")]
    private static partial void RefusedThrottled(ILogger logger, IPAddress clientAddress, string circuitId);
}
