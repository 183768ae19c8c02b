using System.Collections.Immutable;
using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>
/// The observers of one live game on this instance, each behind its own <see cref="ObserverMailbox"/>: telling them
/// never waits for any of them.
/// </summary>
internal sealed class GameObservers(long gameId, ILogger logger) : IDisposable
{
    private ImmutableList<ObserverMailbox> mailboxes = [];

    /// <summary>A player's observer: told of the game, never of the spectators' chat.</summary>
    public IDisposable Subscribe(IGameObserver observer) => Add(new ObserverMailbox(observer, gameId, logger));

    /// <summary>A spectator's observer: told of the game and of the spectators' chat.</summary>
    public IDisposable Subscribe(ISpectatorObserver spectator) => Add(new ObserverMailbox(spectator, gameId, logger) { Spectator = spectator });

    private Unsubscriber Add(ObserverMailbox mailbox)
    {
        ImmutableInterlocked.Update(ref mailboxes, list => list.Add(mailbox));
        return new Unsubscriber(this, mailbox);
    }

    public void GameChanged(GameSnapshot snapshot) => Tell(observer => observer.OnGameChangedAsync(snapshot));

    public void Chat(ChatMessage message) => Tell(observer => observer.OnChatAsync(message));

    public void Presence(Color color, bool connected) => Tell(observer => observer.OnPresenceAsync(color, connected));

    /// <summary>Tells only spectators' subscriptions: the players' observers never hear the spectators' chat.</summary>
    public void SpectatorChat(SpectatorMessage message)
    {
        foreach (var mailbox in mailboxes)
        {
            if (mailbox.Spectator is { } spectator)
            {
                mailbox.Post(_ => spectator.OnSpectatorChatAsync(message));
            }
        }
    }

    public void Dispose()
    {
        foreach (var mailbox in mailboxes)
        {
            mailbox.Dispose();
        }
    }

    private void Tell(Func<IGameObserver, Task> call)
    {
        foreach (var mailbox in mailboxes)
        {
            mailbox.Post(call);
        }
    }

    private sealed class Unsubscriber(GameObservers observers, ObserverMailbox mailbox) : IDisposable
    {
        public void Dispose()
        {
            ImmutableInterlocked.Update(ref observers.mailboxes, list => list.Remove(mailbox));
            mailbox.Dispose();
        }
    }
}
