using Igo.Domain;
using Igo.Web.Games;
using Microsoft.Extensions.Options;

namespace Igo.Web.Circuits;

/// <summary>
/// The seat this circuit holds for the game page: takes the key (<see cref="SeatJoiner"/>), follows the game's pushed
/// changes, keeps the chat thread, sends the player's actions and chat lines, and releases the key when the page
/// leaves the game or the circuit ends, and for as long as the circuit's connection is down (<see cref="SeatPresence"/>).
/// One per circuit (scoped). Its <see cref="State"/> is one immutable value, and
/// subscribers hear of every change, from whichever thread made it, to render it on their own.
/// </summary>
internal sealed partial class CircuitSeat(SeatJoiner joiner, SeatNotices notices, TimeProvider time, IOptions<SeatNoticeOptions> noticeOptions) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly ChangeNotifier changes = new();
    private SeatState state = SeatState.Opening;
    private SeatVisit? visit;

    public SeatState State
    {
        get
        {
            lock (gate)
            {
                return state;
            }
        }
    }

    /// <summary>Calls <paramref name="changed"/> after every change of <see cref="State"/> until the answer is disposed; it must not throw.</summary>
    public IDisposable Subscribe(Func<Task> changed) => changes.Subscribe(changed);

    /// <summary>
    /// Shows the game of <paramref name="key"/>: nothing to do when it is the one shown (or that failed to open), else
    /// leaves that one first. With <paramref name="takeOver"/> the key is taken from the player's other tab if need be.
    /// </summary>
    private async Task OpenAsync(string key, bool takeOver)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (gate)
        {
            if (visit is { } shown && string.Equals(shown.Key, key, StringComparison.Ordinal))
            {
                return;
            }
        }

        await LeaveAsync();
        var opening = new SeatVisit(key, ApplyAsync, PresenceAsync);
        lock (gate)
        {
            visit = opening;
        }

        await JoinAsync(opening, takeOver);
    }

    /// <summary>Sends one action through the seat, one at a time; a refusal is shown to the player.</summary>
    private async Task SendAsync(ActionType type, Func<IGameSeat, CancellationToken, Task<ActionReply>> send)
    {
        SeatVisit? acting;
        lock (gate)
        {
            acting = visit is { Seat: not null } current && !state.Busy ? current : null;
            if (acting is not null)
            {
                state = state with { Busy = true };
            }
        }

        if (acting?.Seat is not { } held)
        {
            return;
        }

        try
        {
            await NotifyAsync();
            var reply = await send(held, acting.Ending);
            if (reply.Success)
            {
                await ApplyAsync(acting, current => current.WithSnapshot(held.Snapshot));
            }
            else
            {
                notices.Refused(reply);
            }
        }
        catch (OperationCanceledException) when (acting.Ending.IsCancellationRequested)
        {
            // The page has left the game.
        }
#pragma warning disable CA1031 // The page shows a notice and stays usable; the failure is logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            notices.ActionFailed(exception, type);
        }
        finally
        {
            await ApplyAsync(acting, current => current with { Busy = false });
        }
    }

    /// <summary>Says a line in the game's chat; answers whether it was accepted (a refusal is shown to the player).</summary>
    public async Task<bool> SendChatAsync(string text)
    {
        var sending = Current;
        if (sending?.Seat is not { } held)
        {
            return false;
        }

        try
        {
            var reply = await held.ChatAsync(text, sending.Ending);
            if (!reply.Success)
            {
                notices.Refused(reply);
            }

            return reply.Success;
        }
        catch (OperationCanceledException) when (sending.Ending.IsCancellationRequested)
        {
            return false;
        }
#pragma warning disable CA1031 // The chat line is not sent; the page says so and stays usable.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            notices.ChatFailed(exception);
            return false;
        }
    }

    /// <summary>Stops following the game shown and releases its key (durably; the opponent is told). Safe to call twice.</summary>
    public Task LeaveAsync()
    {
        lock (gate)
        {
            suspendedKey = null;
        }

        return LeaveVisitAsync();
    }

    private async Task LeaveVisitAsync()
    {
        SeatVisit? leaving;
        lock (gate)
        {
            leaving = visit;
            visit = null;
            state = SeatState.Opening;
        }

        if (leaving is null)
        {
            return;
        }

        await leaving.DisposeAsync();
        await NotifyAsync();
        if (leaving.Seat is { } held)
        {
            await ReleaseAsync(held);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await LeaveAsync();
        changes.Clear();
    }

    private SeatVisit? Current
    {
        get
        {
            lock (gate)
            {
                return visit;
            }
        }
    }

    private async Task JoinAsync(SeatVisit joining, bool takeOver = true)
    {
        joining.Joining = true;
        SeatJoin join;
        try
        {
            await ApplyAsync(joining, _ => SeatState.Opening);
            join = await joiner.JoinAsync(joining.Key.Trim(), takeOver, joining.Ending);
        }
        finally
        {
            joining.Joining = false;
        }

        if (join.Seat is not { } held)
        {
            await ApplyAsync(joining, _ => AfterFailedJoin(join.Failure!, takeOver));
            return;
        }

        bool kept;
        lock (gate)
        {
            kept = ReferenceEquals(visit, joining);
            if (kept)
            {
                // Subscribed before the snapshot is read: nothing committed in between is missed.
                joining.Hold(held);
                state = SeatState.Holding(held);
            }
        }

        if (!kept)
        {
            // The page left the game while the join was under way.
            await ReleaseAsync(held);
            return;
        }

        await NotifyAsync();
        _ = FollowTakeOverAsync(joining, held);
        await LoadChatAsync(joining, held);
    }

    private async Task LoadChatAsync(SeatVisit loading, IGameSeat held)
    {
        IReadOnlyList<ChatMessage> thread;
        try
        {
            thread = await held.ChatThreadAsync(loading.Ending);
        }
        catch (OperationCanceledException) when (loading.Ending.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // The game plays on without its chat history; the page says so.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            notices.ChatThreadFailed(exception);
            thread = [];
        }

        await ApplyAsync(loading, current => current.WithThread(thread));
    }

    /// <summary>Changes the state if <paramref name="from"/> is still the visit shown (late events of a left game are dropped), and tells the subscribers.</summary>
    private async Task ApplyAsync(SeatVisit from, Func<SeatState, SeatState> change)
    {
        lock (gate)
        {
            var next = ReferenceEquals(visit, from) ? change(state) : state;
            if (ReferenceEquals(next, state))
            {
                return;
            }

            state = next;
        }

        await NotifyAsync();
    }

    private Task NotifyAsync() => changes.NotifyAsync();

    private async Task ReleaseAsync(IGameSeat held)
    {
        try
        {
            await held.DisposeAsync();
        }
#pragma warning disable CA1031 // A failed release is the lease's to clean up; leaving the page must not fail.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            notices.ReleaseFailed(exception, held.GameId);
        }
    }
}
