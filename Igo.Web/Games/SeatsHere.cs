using Igo.Data.Stores;
using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>
/// The seats of one live game held by connections on this instance, kept on the game's queue. Whenever the copy learns
/// who holds the keys (a take or release here, a presence event, a re-read), a seat whose key the store says another
/// connection now holds has been taken over (docs/decisions/0011-seat-take-over.md): it is told so and refuses every
/// action from then on. A key that is merely free is not a take-over (the lease sweep released it): that seat's actions
/// are refused by the store's holder check instead.
/// </summary>
internal sealed class SeatsHere
{
    private readonly List<GameSeat> seats = [];

    /// <summary>The holders as last adopted: a seat added later may already have lost its key to one of them.</summary>
    private PerColor<KeyHolder?> known = new(null, null);

    /// <summary>
    /// On the queue, after the seat's key was taken: every later change of holders is judged against it. False when the
    /// holders adopted since the take name another connection for the seat's colour: another tab's take reached the
    /// queue between this seat's take and this call, and the caller must re-read who holds the keys to tell the seat.
    /// </summary>
    public bool Add(GameSeat seat)
    {
        seats.Add(seat);
        return known[seat.Color] is not { } holder || holder == seat.StoreHolder;
    }

    /// <summary>On the queue: the seat is being released, or lost its key.</summary>
    public void Remove(GameSeat seat) => seats.Remove(seat);

    /// <summary>On the queue: tells each seat whose key another connection holds now that it was taken over.</summary>
    public void Adopt(PerColor<KeyHolder?> holders)
    {
        known = holders;
        for (var i = seats.Count - 1; i >= 0; i--)
        {
            var seat = seats[i];
            if (holders[seat.Color] is { } holder && holder != seat.StoreHolder)
            {
                seats.RemoveAt(i);
                seat.LoseToTakeOver();
            }
        }
    }
}
