namespace Igo.Data.Events;

/// <summary>
/// Carries committed changes to every instance that has a subscriber of the game. Publish only after the change is
/// committed. Handlers of one game are called in the order the bus received the events, never concurrently with each
/// other, and must return quickly (hand the event to the game's own queue). Events published by this instance are
/// delivered too; a receiver tells them by <see cref="GameEvent.Origin"/>.
/// Two implementations: PostgreSQL LISTEN/NOTIFY across instances, and in-process for the embedded SQLite default.
/// </summary>
public interface IGameEventBus
{
    /// <summary>Hands the events over for delivery (the PostgreSQL bus sends them in its next coalesced NOTIFY batch).</summary>
    ValueTask PublishAsync(IReadOnlyList<GameEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Receives the events of one game until the returned handle is disposed.</summary>
    IDisposable Subscribe(long gameId, Action<GameEvent> handler);

    /// <summary>
    /// True while other instances' events can reach this one: the PostgreSQL listener connection is up and listening
    /// (always true in process). Readiness reports it: an instance that cannot hear its opponents' moves should get no players.
    /// </summary>
    bool IsListening { get; }
}
