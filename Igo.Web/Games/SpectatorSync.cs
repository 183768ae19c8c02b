using Igo.Data;
using Igo.Data.Events;

namespace Igo.Web.Games;

/// <summary>
/// A live game's spectators, on the game's queue: this instance's count written to the store (one row per instance,
/// docs/decisions/0010-spectator-count.md) and announced on the bus, the sum on every instance re-read when anyone's
/// changes, and the spectators' chat delivered to the spectators' observers only.
/// </summary>
internal sealed class SpectatorSync(long id, GameCopy copy, GameObservers observers, GameServices services)
{
    private int here;
    private int written;

    /// <summary>Counts a spectator on this instance; the store and the others hear of it on the queue.</summary>
    public int Arrived() => Interlocked.Increment(ref here);

    public int Left() => Interlocked.Decrement(ref here);

    /// <summary>
    /// Writes this instance's count if it changed since the last write. Spectators arriving together queue one of
    /// these each; the first writes the count they all make, and the rest find nothing to do.
    /// </summary>
    public async Task WriteCountAsync()
    {
        var count = Volatile.Read(ref here);
        if (count == written)
        {
            return;
        }

        await services.Store.SetSpectatorsAsync(id, services.Instance.Id, count, CancellationToken.None);
        written = count;
        await services.Bus.PublishAsync([new SpectatorsChanged(id, services.Instance.Id)]);
        await RefreshCountAsync();
    }

    /// <summary>Re-reads the count on every live instance, and tells the observers when it moved.</summary>
    public async Task RefreshCountAsync()
    {
        var state = await services.Store.LoadSpectatorsAsync(id, StoreTime.Now(services.Time), CancellationToken.None);
        if (state.Count != copy.Spectators)
        {
            copy.SetSpectators(state.Count);
            observers.GameChanged(copy.Snapshot);
        }
    }

    public async Task PostAsync(string name, string text)
    {
        var message = await services.Store.AddSpectatorMessageAsync(id, name, text, StoreTime.Now(services.Time), CancellationToken.None);
        await services.Bus.PublishAsync([new SpectatorChatPosted(id, services.Instance.Id, message.Id)]);

        // Reads everything after the last line seen, so a line another instance committed just before ours comes first.
        await DeliverNewChatAsync();
    }

    /// <summary>The spectators' chat up to the last line told to the observers: later ones reach them as events.</summary>
    public async Task<IReadOnlyList<SpectatorMessage>> ThreadAsync(CancellationToken cancellationToken)
    {
        var seen = copy.LastSpectatorMessageId;
        if (seen == 0)
        {
            return [];
        }

        var messages = await services.Store.SpectatorMessagesAfterAsync(id, 0, cancellationToken);
        return [.. messages.Where(m => m.Id <= seen).Select(m => new SpectatorMessage(m.Id, m.At, m.Name, m.Text))];
    }

    public async Task DeliverNewChatAsync()
    {
        var messages = await services.Store.SpectatorMessagesAfterAsync(id, copy.LastSpectatorMessageId, CancellationToken.None);
        foreach (var message in messages)
        {
            copy.LastSpectatorMessageId = message.Id;
            observers.SpectatorChat(new SpectatorMessage(message.Id, message.At, message.Name, message.Text));
        }
    }
}
