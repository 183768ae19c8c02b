using Igo.Data;
using Igo.Data.Stores;
using Igo.Domain;
using Igo.Web.Operations;

namespace Igo.Web.Games;

/// <summary>The coordinator's seats: opening one on a live game, and giving one back.</summary>
internal sealed partial class GameCoordinator
{
    /// <summary>Releases a seat's key durably, tells everyone, and lets the game go from memory when no seat needs it.</summary>
    internal async Task ReleaseAsync(GameSeat seat)
    {
        services.Metrics.PlayerDisconnected(MetricNames.Kind(seat.HolderKind));
        if (seat.LostToTakeOver)
        {
            // The key is another connection's now (perhaps this same circuit's again, after "Take it back here").
            await games.LetGoAsync(seat.Live.Id);
            return;
        }

        var release = new KeyRelease(seat.GameId, seat.Key, seat.StoreHolder, StoreTime.Now(services.Time));
        try
        {
            await seat.Live.ReleaseKeyAsync(release);
        }
        catch (ObjectDisposedException)
        {
            // The app is stopping: the presence lease service releases this instance's keys.
        }
#pragma warning disable CA1031 // Retried in the background; the caller's work is done either way.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            releases.Retry(release, exception);
        }

        await games.LetGoAsync(seat.Live.Id);
    }

    /// <summary>
    /// Opens the game of a key just taken in the store (it was not held here), tells the other instances, and gives the
    /// seat; on failure the key is given back.
    /// </summary>
    private async Task<GameSeat?> TryOpenTakenSeatAsync(KeyChange taken, KeyHolder holder, ConnectionKind kind)
    {
        var gameId = taken.Key.GameId;
        var (seat, opened) = await TryOpenSeatAsync(gameId, () => LiveGame.OpenAsync(gameId, services), taken.Key.Color, holder, taken.Key.Key, kind);
        if (seat is null)
        {
            return null;
        }

        try
        {
            // Opened by this call, the game was read after the take; opened by another seat, perhaps before it.
            await seat.Live.AnnounceTakenAsync(taken, reread: !opened);
        }
#pragma warning disable CA1031 // The key change is durable already; others learn of it on their next resync.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogStoreFailed(exception, "announce a key change");
        }

        return seat;
    }

    private async Task<(GameSeat? Seat, bool Opened)> TryOpenSeatAsync(long gameId, Func<Task<LiveGame>> open, Color color, KeyHolder holder, string key, ConnectionKind kind)
    {
        try
        {
            var (live, opened) = await games.AcquireAsync(gameId, open);
            return (await OpenSeatAsync(live, color, holder, kind), opened);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStoreFailed(exception, "load a game");
            await games.LetGoAsync(gameId);
            await releases.ReleaseAsync(new KeyRelease(gameId, key, holder, StoreTime.Now(services.Time)));
            return (null, false);
        }
    }

    /// <summary>
    /// A seat for a key just taken, known to the game's queue from now on: every later change of holders is judged
    /// against it (<see cref="SeatsHere"/>), and none read before the take can be.
    /// </summary>
    private async Task<GameSeat> OpenSeatAsync(LiveGame live, Color color, KeyHolder holder, ConnectionKind kind)
    {
        var seat = new GameSeat(this, live, color, holder, kind);
        await live.AddSeatAsync(seat);
        services.Metrics.PlayerConnected(MetricNames.Kind(kind));
        return seat;
    }

    private async Task LetGoAsync(LiveGame? live)
    {
        if (live is not null)
        {
            await games.LetGoAsync(live.Id);
        }
    }
}
