using Igo.Domain;

namespace Igo.Web.Circuits;

/// <summary>
/// The opponent's coming and going, as the page tells it: a departure is news only once it has lasted
/// <see cref="SeatNoticeOptions.LeftNoticeDelay"/>. Until then the opponent is shown connected and nothing is said,
/// so a reload (which lets the key go and takes it back, on this instance or another) goes unnoticed. Presence reaches
/// every instance through the store and the event bus, so this waits the same wherever the two players are.
/// </summary>
internal sealed partial class CircuitSeat
{
    private async Task PresenceAsync(SeatVisit from, Color color, bool connected)
    {
        var delay = noticeOptions.Value.LeftNoticeDelay;
        if (connected || delay <= TimeSpan.Zero || from.Seat?.Color == color)
        {
            await ApplyAsync(from, state => state.WithPresence(color, connected));
            return;
        }

        var leftAt = time.GetUtcNow();
        await ApplyAsync(from, state => state.WithLeaving(color, leftAt));
        _ = NoticeLeftAfterAsync(from, color, leftAt, delay);
    }

    private async Task NoticeLeftAfterAsync(SeatVisit from, Color color, DateTimeOffset leftAt, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, time, from.Ending);
        }
        catch (OperationCanceledException)
        {
            // The page left the game meanwhile.
            return;
        }

        await ApplyAsync(from, state => state.WithLeftFor(color, leftAt));
    }
}
