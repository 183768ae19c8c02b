using System.Collections.Immutable;
using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>
/// The observers of one live game on this instance, each behind its own <see cref="ObserverMailbox"/>: telling them
/// never waits for any of them. The players' mailboxes are told first and the spectators' run a few at a time through
/// one <see cref="SpectatorGate"/>, so that hundreds of spectators never queue ahead of a player
/// (docs/decisions/0014-spectators-behind-the-players.md).
/// </summary>
internal sealed class GameObservers(long gameId, ILogger logger, SpectatorGate gate) : IDisposable
{
    // Players first, then spectators, each in the order they subscribed.
    private ImmutableList<ObserverMailbox> players = [];
    private ImmutableList<ObserverMailbox> spectators = [];

    public GameObservers(long gameId, ILogger logger)
        : this(gameId, logger, new SpectatorGate(SpectatorGate.DefaultWidth, SpectatorGate.DefaultHold))
    {
    }

    /// <summary>A player's observer: told of the game, never of the spectators' chat.</summary>
    public IDisposable Subscribe(IGameObserver observer) => Add(ref players, new ObserverMailbox(observer, gameId, logger));

    /// <summary>A spectator's observer: told of the game and of the spectators' chat.</summary>
    public IDisposable Subscribe(ISpectatorObserver spectator) => Add(ref spectators, new ObserverMailbox(spectator, gate, gameId, logger));

    private Unsubscriber Add(ref ImmutableList<ObserverMailbox> list, ObserverMailbox mailbox)
    {
        ImmutableInterlocked.Update(ref list, mailboxes => mailboxes.Add(mailbox));
        return new Unsubscriber(this, mailbox);
    }

    public void GameChanged(GameSnapshot snapshot) => Tell(observer => observer.OnGameChangedAsync(snapshot));

    public void Chat(ChatMessage message) => Tell(observer => observer.OnChatAsync(message));

    public void Presence(Color color, bool connected) => Tell(observer => observer.OnPresenceAsync(color, connected));

    /// <summary>Tells only spectators' subscriptions: the players' observers never hear the spectators' chat.</summary>
    public void SpectatorChat(SpectatorMessage message)
    {
        foreach (var mailbox in spectators)
        {
            if (mailbox.Spectator is { } spectator)
            {
                mailbox.Post(_ => spectator.OnSpectatorChatAsync(message));
            }
        }
    }

    public void Dispose()
    {
        foreach (var mailbox in players.Concat(spectators))
        {
            mailbox.Dispose();
        }
    }

    private void Tell(Func<IGameObserver, Task> call)
    {
        foreach (var mailbox in players)
        {
            mailbox.Post(call);
        }

        foreach (var mailbox in spectators)
        {
            mailbox.Post(call);
        }
    }

    private sealed class Unsubscriber(GameObservers observers, ObserverMailbox mailbox) : IDisposable
    {
        public void Dispose()
        {
            if (mailbox.Spectator is null)
            {
                ImmutableInterlocked.Update(ref observers.players, list => list.Remove(mailbox));
            }
            else
            {
                ImmutableInterlocked.Update(ref observers.spectators, list => list.Remove(mailbox));
            }

            mailbox.Dispose();
        }
    }
}
