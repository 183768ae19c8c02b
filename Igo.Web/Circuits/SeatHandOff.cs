using Igo.Web.Games;

namespace Igo.Web.Circuits;

/// <summary>
/// Carries the seat a player just created on the home page to the game page of the same circuit, so the key is not
/// released and taken again (which would flash "away" to the opponent and race with the release).
/// A seat nobody takes is released when the circuit ends.
/// </summary>
public sealed class SeatHandOff : IAsyncDisposable
{
    private IGameSeat? offered;

    public async Task OfferAsync(IGameSeat seat)
    {
        ArgumentNullException.ThrowIfNull(seat);
        var previous = Interlocked.Exchange(ref offered, seat);
        if (previous is not null && !ReferenceEquals(previous, seat))
        {
            await previous.DisposeAsync();
        }
    }

    /// <summary>The offered seat if it holds this key; the caller then owns it.</summary>
    public IGameSeat? Take(string key)
    {
        var seat = Volatile.Read(ref offered);
        if (seat is null || !string.Equals(seat.Key, key, StringComparison.Ordinal))
        {
            return null;
        }

        return Interlocked.CompareExchange(ref offered, null, seat) == seat ? seat : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref offered, null) is { } seat)
        {
            await seat.DisposeAsync();
        }
    }
}
