using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Web.Compat;

/// <summary>
/// Receives the coordinator's events for one seat a connection holds and hands them to its session's output, which decides whether
/// they go out now, wait (while the session sends its own response first), or are dropped (the seat was given up).
/// Never blocks the coordinator: the session only queues frames.
/// </summary>
internal sealed class SeatEvents(SessionOutput session, UndoDecliner? decliner = null) : IGameObserver
{
    /// <summary>Events held back while the session sends a response that must come first. Guarded by the session's lock.</summary>
    public List<SeatEvent> Held { get; } = [];

    /// <summary>True while events are held back. Guarded by the session's lock.</summary>
    public bool Holding { get; set; } = true;

    /// <summary>True once the seat is given up; its events are dropped. Guarded by the session's lock.</summary>
    public bool Retired { get; set; }

    public Task OnGameChangedAsync(GameSnapshot snapshot)
    {
        session.Deliver(this, new SeatEvent.Changed(snapshot));
        decliner?.Consider(snapshot);

        return Task.CompletedTask;
    }

    public Task OnChatAsync(ChatMessage message)
    {
        session.Deliver(this, new SeatEvent.Chat(message));
        return Task.CompletedTask;
    }

    public Task OnPresenceAsync(Color color, bool connected)
    {
        session.Deliver(this, new SeatEvent.Presence(color, connected));
        return Task.CompletedTask;
    }
}

/// <summary>One event of a held seat, as the session queues it.</summary>
internal abstract record SeatEvent
{
    public sealed record Changed(GameSnapshot Snapshot) : SeatEvent;

    public sealed record Chat(ChatMessage Message) : SeatEvent;

    public sealed record Presence(Color Color, bool Connected) : SeatEvent;
}
