using System.Collections.Immutable;
using Igo.Domain;
using Igo.Web.Components.Play;
using Igo.Web.Games;

namespace Igo.Web.Circuits;

public enum WatchPhase
{
    Opening,
    Watching,

    /// <summary>No game has this watch id.</summary>
    NotFound,

    /// <summary>The store could not be reached; trying again may work.</summary>
    Unavailable,
}

/// <summary>
/// What the watch page shows, one immutable value replaced whole on every change (pushed changes arrive on another
/// thread than the render's).
/// </summary>
public sealed record WatchState(WatchPhase Phase)
{
    public static WatchState Opening { get; } = new(WatchPhase.Opening);

    public IGameWatch? Watch { get; private init; }

    public GameSnapshot? Snapshot { get; private init; }

    /// <summary>The spectators' chat in id order, each line once.</summary>
    public ImmutableList<SpectatorMessage> Chat { get; private init; } = [];

    public bool ChatLoaded { get; private init; }

    /// <summary>The latest move or result, for the live region.</summary>
    public string? Announcement { get; private init; }

    public static WatchState Watching(IGameWatch watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        return new WatchState(WatchPhase.Watching) { Watch = watch, Snapshot = watch.Snapshot };
    }

    /// <summary>The game as <paramref name="next"/> shows it; an older version never replaces a newer one.</summary>
    public WatchState WithSnapshot(GameSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (Snapshot is { } current && next.View.Version < current.View.Version)
        {
            return this;
        }

        return this with { Snapshot = next, Announcement = MoveAnnouncer.Announce(Snapshot?.View, next.View) ?? Announcement };
    }

    public WatchState WithPresence(Color color, bool connected) =>
        Snapshot is { } current && current.Connected[color] != connected
            ? this with { Snapshot = current with { Connected = current.Connected.With(color, connected) } }
            : this;

    public WatchState WithChat(SpectatorMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Chat.Exists(m => m.Id == message.Id))
        {
            return this;
        }

        var at = Chat.FindLastIndex(m => m.Id < message.Id) + 1;
        return this with { Chat = Chat.Insert(at, message) };
    }

    public WatchState WithThread(IEnumerable<SpectatorMessage> thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        return thread.Aggregate(this, (state, message) => state.WithChat(message)) with { ChatLoaded = true };
    }
}
