using System.Collections.Concurrent;

namespace Igo.Bench.Soak;

/// <summary>Errors seen by the soak's players: counted, and the first few kept word for word for the report.</summary>
internal sealed class SoakErrors
{
    private const int Kept = 20;
    private readonly ConcurrentQueue<string> first = new();
    private int count;

    public int Count => Volatile.Read(ref count);

    public IEnumerable<string> First => first;

    public void Add(int game, string what)
    {
        if (Interlocked.Increment(ref count) <= Kept)
        {
            first.Enqueue($"game {game} at {DateTime.UtcNow:HH:mm:ss}: {what}");
        }
    }
}
