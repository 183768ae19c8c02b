using System.Collections.Immutable;
using Igo.Domain;
using Igo.Web.Components.Play;
using Igo.Web.Games;

namespace Igo.Web.Circuits;

/// <summary>Why the page holds no seat: the coordinator's answer, or the failed-join throttle's when <see cref="Throttled"/> (nobody was asked then).</summary>
public sealed record JoinFailure(SeatOutcome Outcome, string Key)
{
    public bool Throttled => Outcome.Failure == SeatFailure.Throttled;
}

/// <summary>
/// The seat a circuit holds, as the game page shows it. One immutable value, replaced whole on every change, so that a
/// render never sees half of one: pushed changes arrive on the event bus's thread while renders run on the circuit's.
/// </summary>
public sealed record SeatState
{
    /// <summary>No seat yet: a join is under way, or it failed (<see cref="Failure"/>).</summary>
    public static SeatState Opening { get; } = new();

    public IGameSeat? Seat { get; private init; }

    /// <summary>The newest committed state of the game seen so far; set whenever <see cref="Seat"/> is.</summary>
    public GameSnapshot? Snapshot { get; private init; }

    public JoinFailure? Failure { get; private init; }

    /// <summary>The player's other tab or device took the seat: none is held here until the player takes it back.</summary>
    public bool TakenOver { get; private init; }

    public static SeatState LostToTakeOver { get; } = new() { TakenOver = true };

    /// <summary>The chat thread in id order, each line once (a line can arrive both pushed and in the loaded thread).</summary>
    public ImmutableList<ChatMessage> Chat { get; private init; } = [];

    /// <summary>Whether what was said before the player arrived has loaded (the chat appears only then, so that it counts as read).</summary>
    public bool ChatLoaded { get; private init; }

    /// <summary>The latest sentence for the live region: a move, a request, a result, the opponent coming or going.</summary>
    public string? Announcement { get; private init; }

    /// <summary>
    /// Since when each colour has been gone without it being said yet (the grace of
    /// <see cref="SeatNoticeOptions.LeftNoticeDelay"/>); null for a colour connected, or whose leaving was told.
    /// </summary>
    public PerColor<DateTimeOffset?> LeftAt { get; private init; }

    /// <summary>The snapshot as the page shows it: a colour that left within the grace still shows as connected.</summary>
    public GameSnapshot? Shown => Snapshot is { } current && (LeftAt.Black is not null || LeftAt.White is not null)
        ? current with { Connected = new PerColor<bool>(current.Connected.Black || LeftAt.Black is not null, current.Connected.White || LeftAt.White is not null) }
        : Snapshot;

    /// <summary>An action of the player is on its way; another waits until it is answered.</summary>
    public bool Busy { get; init; }

    public static SeatState Failed(JoinFailure failure) => new() { Failure = failure };

    public static SeatState Holding(IGameSeat seat)
    {
        ArgumentNullException.ThrowIfNull(seat);
        return new SeatState { Seat = seat }.WithSnapshot(seat.Snapshot);
    }

    /// <summary>The game as <paramref name="next"/> shows it, announced; unchanged when <paramref name="next"/> is older than what is shown.</summary>
    public SeatState WithSnapshot(GameSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(next);

        // Changes can reach us both as a reply and as a pushed event; an older version never replaces a newer one.
        if (Seat is null || (Snapshot is { } current && next.View.Version < current.View.Version))
        {
            return this;
        }

        return this with
        {
            Snapshot = next,
            Announcement = MoveAnnouncer.Announce(Snapshot?.View, next.View) ?? Announcement,
            LeftAt = new PerColor<DateTimeOffset?>(next.Connected.Black ? null : LeftAt.Black, next.Connected.White ? null : LeftAt.White),
        };
    }

    /// <summary>Adds a line said in the game, in its place by id; a line already there is not added again.</summary>
    public SeatState WithChat(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Chat.Exists(m => m.Id == message.Id))
        {
            return this;
        }

        var at = Chat.FindLastIndex(m => m.Id < message.Id) + 1;
        return this with { Chat = Chat.Insert(at, message) };
    }

    /// <summary>Adds the thread said before the player arrived to what was pushed meanwhile; the chat can appear now.</summary>
    public SeatState WithThread(IEnumerable<ChatMessage> thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        return thread.Aggregate(this, (state, message) => state.WithChat(message)) with { ChatLoaded = true };
    }

    /// <summary>
    /// A player connected or left; the opponent's coming and going is announced, but not a return within the grace
    /// (<see cref="WithLeaving"/>): for the page they never left.
    /// </summary>
    public SeatState WithPresence(Color color, bool connected)
    {
        if (Seat is null || Snapshot is not { } current || current.Connected[color] == connected)
        {
            return this;
        }

        var unnoticed = connected && LeftAt[color] is not null;
        return this with
        {
            Snapshot = current with { Connected = current.Connected.With(color, connected) },
            LeftAt = LeftAt.With(color, null),
            Announcement = color == Seat.Color || unnoticed ? Announcement : connected ? $"{color.ToTitle()} connected." : $"{color.ToTitle()} left the game.",
        };
    }

    /// <summary>A player left at <paramref name="at"/>; nothing is said or shown until <see cref="WithLeftFor"/> (unless they come back first).</summary>
    public SeatState WithLeaving(Color color, DateTimeOffset at)
    {
        if (Seat is null || Snapshot is not { } current || !current.Connected[color])
        {
            return this;
        }

        return this with { Snapshot = current with { Connected = current.Connected.With(color, false) }, LeftAt = LeftAt.With(color, at) };
    }

    /// <summary>The grace of the leaving at <paramref name="at"/> is over: said now, if the player is still away since then.</summary>
    public SeatState WithLeftFor(Color color, DateTimeOffset at)
    {
        if (Seat is null || LeftAt[color] != at)
        {
            return this;
        }

        return this with { LeftAt = LeftAt.With(color, null), Announcement = $"{color.ToTitle()} left the game." };
    }
}
