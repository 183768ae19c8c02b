using Igo.Data.Stores;
using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>
/// Brings a live game's copy back in line with the store, on the game's queue, and tells the observers what changed:
/// the first load, a whole reload (after a failed commit or a notified action the copy refuses), a catch-up with only
/// the missing actions (a version gap, the listener's resync), a re-read of who is connected, and new chat lines.
/// </summary>
internal sealed class GameResync(long id, GameCopy copy, GameObservers observers, SeatsHere seats, GameStore store, ILogger logger)
{
    /// <summary>The first load: the game, where its chat stands, and its spectators on instances live at <paramref name="now"/>.</summary>
    public async Task LoadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var loaded = await store.LoadFollowingAsync(id, now, cancellationToken)
            ?? throw new InvalidOperationException($"Game {id} is not in the store");
        copy.LastChatId = loaded.LastChatId;
        copy.LastSpectatorMessageId = loaded.Spectators.LastMessageId;
        copy.Spectators = loaded.Spectators.Count;
        copy.Adopt(loaded.Stored);
        seats.Adopt(KeyHolder.Of(loaded.Stored.Black, loaded.Stored.White));
    }

    /// <summary>Replaces the copy here with the stored game (after a failed commit, or when the store was unreachable).</summary>
    public async Task<StoredGame> ReloadAsync()
    {
        // Compared with what observers were last shown, not with the copy: after a lost race the copy already has the
        // refused action applied at the same version as the winner's, and the winner's state must still be shown.
        var before = copy.Snapshot.View.Version;
        var stored = await store.LoadGameAsync(id, CancellationToken.None)
            ?? throw new InvalidOperationException($"Game {id} is not in the store");
        copy.Adopt(stored);
        copy.Stale = false;
        seats.Adopt(KeyHolder.Of(stored.Black, stored.White));
        if (copy.Game.Version != before)
        {
            observers.GameChanged(copy.Snapshot);
        }

        await DeliverNewChatAsync();
        return stored;
    }

    /// <summary>The stored game it adopted, or null when the store is still unreachable.</summary>
    public async Task<StoredGame?> TryReloadAsync()
    {
        try
        {
            return await ReloadAsync();
        }
#pragma warning disable CA1031 // Still unreachable: stay stale and try again on the next action or event.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LiveGameLog.EventFailed(logger, exception, id, "reload");
            copy.Stale = true;
            return null;
        }
    }

    /// <summary>
    /// Brings the copy up to the store's version with only the actions it misses, then presence and chat.
    /// True when the game moved on.
    /// </summary>
    public async Task<bool> CatchUpAsync()
    {
        var game = copy.Game;
        var before = game.Version;
        var presence = await store.LoadPresenceAsync(id, CancellationToken.None)
            ?? throw new InvalidOperationException($"Game {id} is not in the store");
        if (presence.Version > game.Version)
        {
            var missing = await store.ActionsAfterAsync(id, game.Version, CancellationToken.None);
            foreach (var action in missing.Take(presence.Version - game.Version))
            {
                if (!game.Apply(action).Accepted)
                {
                    await ReloadAsync();
                    return true;
                }
            }

            copy.SetClock(presence.TimePlayedSeconds, presence.ClockRunningSince);
            copy.Publish();
            observers.GameChanged(copy.Snapshot);
        }

        ApplyPresence(presence);
        await DeliverNewChatAsync();
        return presence.Version > before;
    }

    /// <summary>Catches up, or, with the store unreachable, leaves the copy as it stands. True when the game moved on.</summary>
    public async Task<bool> TryCatchUpAsync()
    {
        try
        {
            return await CatchUpAsync();
        }
#pragma warning disable CA1031 // Unreachable store: the action is judged on the copy here, as it stands.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LiveGameLog.EventFailed(logger, exception, id, "catch-up");
            return false;
        }
    }

    /// <summary>Re-reads who holds the game's keys; the store's game row lock orders concurrent changes.</summary>
    public async Task RefreshPresenceAsync()
    {
        if (await store.LoadPresenceAsync(id, CancellationToken.None) is { } presence)
        {
            AdoptPresence(presence);
        }
    }

    /// <summary>Who is connected, read from the store (on the queue, so later than anything the copy took in before).</summary>
    public void AdoptPresence(GamePresence presence)
    {
        if (presence.Version == copy.Game.Version)
        {
            copy.SetClock(presence.TimePlayedSeconds, presence.ClockRunningSince);
        }

        ApplyPresence(presence);
    }

    /// <summary>Tells the observers every chat line after the last one they were told, in id order.</summary>
    public async Task DeliverNewChatAsync()
    {
        var messages = await store.ChatAfterAsync(id, copy.LastChatId, CancellationToken.None);
        foreach (var message in messages)
        {
            copy.LastChatId = message.Id;
            observers.Chat(new ChatMessage(message.Id, message.At, message.Color, message.Text));
        }
    }

    private void ApplyPresence(GamePresence presence)
    {
        var before = copy.Connected;
        copy.SetConnected(presence.Connected, presence.AwaySince);
        seats.Adopt(presence.Holders);
        foreach (var color in new[] { Color.Black, Color.White })
        {
            if (before[color] != presence.Connected[color])
            {
                observers.Presence(color, presence.Connected[color]);
            }
        }
    }
}
