namespace Igo.Web.Circuits;

/// <summary>
/// The seat while the circuit's connection is down: a page whose network silently dropped lets go of its key once the
/// server's keep-alive gives up on it (<see cref="SeatPresence"/>), not only when the circuit is disposed minutes later,
/// so the away grace starts then and the opponent sees "away" at once; the key is taken back when it reconnects.
/// </summary>
internal sealed partial class CircuitSeat
{
    private string? suspendedKey;
    private Task suspension = Task.CompletedTask;

    /// <summary>
    /// The circuit lost its connection (the server's keep-alive gave up on the browser): releases the key, so that the
    /// player counts as away from now and the opponent sees it, and remembers it for <see cref="ResumeAsync"/>.
    /// </summary>
    public Task SuspendAsync()
    {
        lock (gate)
        {
            // A seat held or being joined; a key that failed to open is left as the page shows it.
            if (visit is not { } shown || state.Failure is not null || state.TakenOver)
            {
                return Task.CompletedTask;
            }

            suspendedKey = shown.Key;
        }

        var leaving = LeaveVisitAsync();
        lock (gate)
        {
            suspension = leaving;
        }

        return leaving;
    }

    /// <summary>
    /// The circuit is connected again: takes back the key <see cref="SuspendAsync"/> let go of, if it is still free (else
    /// the page says the game is open elsewhere); nothing if none. Only once that release is done: the connection can come
    /// back while the store is still releasing the key, and a join then would find this very circuit holding it.
    /// </summary>
    public async Task ResumeAsync()
    {
        string? key;
        Task released;
        lock (gate)
        {
            key = suspendedKey;
            suspendedKey = null;
            released = suspension;
        }

        if (key is null)
        {
            return;
        }

        await released;

        // A plain join: the page that comes back must not take the seat from a tab opened meanwhile.
        await OpenAsync(key, takeOver: false);
    }
}
