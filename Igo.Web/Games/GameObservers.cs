using System.Collections.Immutable;
using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>
/// The observers of one live game on this instance, each behind its own <see cref="ObserverMailbox"/>: telling them
/// never waits for any of them. A change reaches the spectators only once the players' observers have taken it (their
/// pages rendered), or after <see cref="DefaultSpectatorsWait"/> at most: hundreds of spectators' renders then never
/// queue on the thread pool ahead of a player's (docs/decisions/0014-spectators-behind-the-players.md).
/// </summary>
internal sealed class GameObservers(long gameId, ILogger logger, TimeSpan spectatorsWait) : IDisposable
{
    private ImmutableList<ObserverMailbox> players = [];
    private ImmutableList<ObserverMailbox> spectators = [];

    public GameObservers(long gameId, ILogger logger)
        : this(gameId, logger, DefaultSpectatorsWait)
    {
    }

    /// <summary>A player's render takes milliseconds; a player page that takes longer must not hold the spectators long.</summary>
    public static TimeSpan DefaultSpectatorsWait { get; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A player's observer: told of the game, never of the spectators' chat.</summary>
    public IDisposable Subscribe(IGameObserver observer) => Add(ref players, new ObserverMailbox(observer, gameId, logger));

    /// <summary>A spectator's observer: told of the game and of the spectators' chat.</summary>
    public IDisposable Subscribe(ISpectatorObserver spectator) => Add(ref spectators, new ObserverMailbox(spectator, gameId, logger));

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
        var watching = spectators;
        if (watching.IsEmpty)
        {
            foreach (var mailbox in players)
            {
                mailbox.Post(call);
            }

            return;
        }

        // One wait per change, shared by every spectator's call: it runs in the spectator's own mailbox, so each
        // spectator's calls stay in order, and a spectator that waits holds no thread.
        var playersTook = Task.WhenAll(players.Select(mailbox => mailbox.PostTracked(call)));
        var ready = playersTook.IsCompleted ? Task.CompletedTask : Task.WhenAny(playersTook, Task.Delay(spectatorsWait));
        foreach (var mailbox in watching)
        {
            mailbox.Post(async observer =>
            {
                await ready;
                await call(observer);
            });
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
