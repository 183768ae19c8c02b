using Igo.Web.Games;

namespace Igo.Web.Circuits;

/// <summary>A join's answer for the circuit: the seat it now holds, or why it holds none.</summary>
internal readonly record struct SeatJoin(IGameSeat? Seat, JoinFailure? Failure);

/// <summary>
/// Takes a player's key for this circuit. A seat the circuit just created on the home page is handed over
/// (<see cref="SeatHandOff"/>): it is no guess and is not joined again. Any other key is joined within the address's
/// failed-join allowance (<see cref="CircuitJoinGuard"/>), and asked for again a few times while it is held elsewhere
/// (<see cref="SeatRetryPolicy"/>), which hides the race with the page a reload replaces when that page is not a tab whose
/// seat is simply taken over (a WebSocket client's, or a plain join's).
/// </summary>
internal sealed partial class SeatJoiner(
    IGameCoordinator coordinator,
    CircuitIdentity circuit,
    CircuitJoinGuard guard,
    SeatHandOff handOff,
    SeatRetryPolicy retries,
    TimeProvider time,
    ILogger<SeatJoiner> logger)
{
    /// <summary>
    /// Takes <paramref name="key"/>, with <paramref name="takeOver"/> from the player's other tab or device if it holds
    /// it; a cancelled join holds nothing and costs nothing.
    /// </summary>
    public async Task<SeatJoin> JoinAsync(string key, bool takeOver, CancellationToken cancellationToken)
    {
        if (handOff.Take(key) is { } offered)
        {
            return new SeatJoin(offered, null);
        }

        // A throttled address is refused before the coordinator is asked; a key that matches no game costs an attempt;
        // a real key costs nothing.
        using var attempt = guard.Begin();
        if (attempt.RefusedFor is { } wait)
        {
            return new SeatJoin(null, new JoinFailure(SeatOutcome.Throttled(wait), key));
        }

        var outcome = await AskWithRetriesAsync(key, takeOver, cancellationToken);
        guard.Settle(attempt, outcome);
        return outcome.Seat is { } seat ? new SeatJoin(seat, null) : new SeatJoin(null, new JoinFailure(outcome, key));
    }

    private async Task<SeatOutcome> AskWithRetriesAsync(string key, bool takeOver, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            SeatOutcome outcome;
            try
            {
                outcome = takeOver
                    ? await coordinator.TakeOverAsync(key, circuit.Holder, cancellationToken)
                    : await coordinator.JoinGameAsync(key, null, circuit.Holder, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return SeatOutcome.Refused(SeatFailure.Unavailable);
            }
#pragma warning disable CA1031 // The page shows "unavailable" with a retry; the failure is logged.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                JoinFailedUnexpectedly(logger, exception, circuit.Id);
                return SeatOutcome.Refused(SeatFailure.Unavailable);
            }

            if (outcome.Failure != SeatFailure.InUse || attempt >= retries.InUseDelays.Count)
            {
                return outcome;
            }

            try
            {
                await Task.Delay(retries.InUseDelays[attempt], time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return outcome;
            }
        }
    }

    [LoggerMessage(EventId = 5104, Level = LogLevel.Error, Message = "Joining a game failed unexpectedly (circuit {CircuitId})")]
    private static partial void JoinFailedUnexpectedly(ILogger logger, Exception exception, string circuitId);
}
