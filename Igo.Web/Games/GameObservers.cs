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

    public IDisposable Subscribe(IGameObserver observer)
    {
        var mailbox = new ObserverMailbox(observer, gameId, logger);
        ImmutableInterlocked.Update(ref mailboxes, list => list.Add(mailbox));
        return new Unsubscriber(this, mailbox);
    }

    public void GameChanged(GameSnapshot snapshot) => Tell(observer => observer.OnGameChangedAsync(snapshot));

    public void Chat(ChatMessage message) => Tell(observer => observer.OnChatAsync(message));

    public void Presence(Color color, bool connected) => Tell(observer => observer.OnPresenceAsync(color, connected));

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
