using Igo.Web.Games;

namespace Igo.Web.Circuits;

/// <summary>
/// The newest tab wins (docs/decisions/0011-seat-take-over.md): opening the game takes the key over from the player's
/// other tab or device, which learns it at once and shows "Take it back here"; nothing it sends acts any more.
/// </summary>
internal sealed partial class CircuitSeat
{
    /// <summary>Shows the game of <paramref name="key"/>, taking the seat from the player's other tab if it holds it.</summary>
    public Task OpenAsync(string key) => OpenAsync(key, takeOver: true);

    /// <summary>Asks again for the key whose join failed; nothing while a join is under way or a seat is held.</summary>
    public Task RetryAsync() => JoinAgainAsync(current => current.Failure is not null);

    /// <summary>Takes the seat back from the tab that took it over; nothing unless this page lost it.</summary>
    public Task TakeBackAsync() => JoinAgainAsync(current => current.TakenOver);

    private async Task JoinAgainAsync(Func<SeatState, bool> when)
    {
        SeatVisit? again;
        lock (gate)
        {
            again = visit is { Joining: false } current && when(state) ? current : null;
        }

        if (again is not null)
        {
            await JoinAsync(again, takeOver: true);
        }
    }

    /// <summary>
    /// A plain join (a page coming back after its connection dropped) that finds the key held: the player opened the game
    /// elsewhere meanwhile, which the page says as for a take-over.
    /// </summary>
    private static SeatState AfterFailedJoin(JoinFailure failure, bool takeOver) =>
        !takeOver && failure.Outcome.Failure == SeatFailure.InUse ? SeatState.LostToTakeOver : SeatState.Failed(failure);

    /// <summary>
    /// Waits for the seat to be taken over, then lets it go here and shows the panel. The visit is replaced by one that
    /// holds nothing for the same key, so that opening the same key again (a re-render) does not take the seat back.
    /// </summary>
    private async Task FollowTakeOverAsync(SeatVisit holding, IGameSeat held)
    {
        try
        {
            await held.TakenOver.WaitAsync(holding.Ending);
        }
        catch (OperationCanceledException)
        {
            // The page left the game, or released the seat itself.
            return;
        }

        var lost = new SeatVisit(holding.Key, ApplyAsync, PresenceAsync);
        lock (gate)
        {
            if (!ReferenceEquals(visit, holding))
            {
                return;
            }

            visit = lost;
            state = SeatState.LostToTakeOver;
        }

        await holding.DisposeAsync();
        await NotifyAsync();
        notices.LostToTakeOver(held.GameId, held.Color);

        // Releases nothing in the store (the key is the other tab's); the game may leave memory here.
        await ReleaseAsync(held);
    }
}
