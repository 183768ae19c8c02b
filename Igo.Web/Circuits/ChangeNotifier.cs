using System.Collections.Immutable;

namespace Igo.Web.Circuits;

/// <summary>
/// Who to tell that something changed: subscriptions kept under a short lock, each ended by disposing what
/// <see cref="Subscribe"/> answered, and called in turn from whichever thread made the change.
/// </summary>
internal sealed class ChangeNotifier
{
    private readonly Lock gate = new();
    private ImmutableArray<Func<Task>> listeners = [];

    /// <summary>Calls <paramref name="changed"/> on every change until the answer is disposed; it must not throw.</summary>
    public IDisposable Subscribe(Func<Task> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        lock (gate)
        {
            listeners = listeners.Add(changed);
        }

        return new Subscription(this, changed);
    }

    public async Task NotifyAsync()
    {
        ImmutableArray<Func<Task>> current;
        lock (gate)
        {
            current = listeners;
        }

        foreach (var changed in current)
        {
            await changed();
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            listeners = [];
        }
    }

    private void Remove(Func<Task> changed)
    {
        lock (gate)
        {
            listeners = listeners.Remove(changed);
        }
    }

    private sealed class Subscription(ChangeNotifier owner, Func<Task> changed) : IDisposable
    {
        public void Dispose() => owner.Remove(changed);
    }
}
