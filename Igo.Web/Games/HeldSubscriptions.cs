namespace Igo.Web.Games;

/// <summary>
/// The subscriptions made through one seat or watch: each ends when its holder disposes it, and whatever is left ends
/// with the seat or watch, so that a page that forgets one leaves nothing behind on the game.
/// </summary>
internal sealed class HeldSubscriptions
{
    private readonly Lock gate = new();
    private readonly List<IDisposable> held = [];

    public IDisposable Hold(IDisposable subscription)
    {
        lock (gate)
        {
            held.Add(subscription);
        }

        return new Held(this, subscription);
    }

    public void EndAll()
    {
        List<IDisposable> ending;
        lock (gate)
        {
            ending = [.. held];
            held.Clear();
        }

        foreach (var subscription in ending)
        {
            subscription.Dispose();
        }
    }

    private sealed class Held(HeldSubscriptions owner, IDisposable inner) : IDisposable
    {
        public void Dispose()
        {
            lock (owner.gate)
            {
                owner.held.Remove(inner);
            }

            inner.Dispose();
        }
    }
}
