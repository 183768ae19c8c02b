using System.Threading.Channels;
using Igo.Data.Events;

namespace Igo.Tests.Data;

/// <summary>Collects the events a subscriber receives and waits, with a deadline, for the ones a test expects.</summary>
internal sealed class EventRecorder
{
    private readonly Channel<GameEvent> received = Channel.CreateUnbounded<GameEvent>();

    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    public void Record(GameEvent gameEvent) => received.Writer.TryWrite(gameEvent);

    public async Task<T> NextAsync<T>(Func<T, bool>? match = null)
        where T : GameEvent
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Deadline);
        while (true)
        {
            var next = await received.Reader.ReadAsync(timeout.Token);
            if (next is T typed && (match is null || match(typed)))
            {
                return typed;
            }
        }
    }

    /// <summary>The next <paramref name="count"/> events, leaving out the bus's own resync requests.</summary>
    public async Task<List<GameEvent>> TakeAsync(int count)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Deadline);
        var events = new List<GameEvent>();
        while (events.Count < count)
        {
            var next = await received.Reader.ReadAsync(timeout.Token);
            if (next is not ResyncNeeded)
            {
                events.Add(next);
            }
        }

        return events;
    }

    /// <summary>Every event up to and including the first <typeparamref name="T"/>, leaving out the bus's own resync requests.</summary>
    public async Task<List<GameEvent>> UntilAsync<T>()
        where T : GameEvent
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Deadline);
        var events = new List<GameEvent>();
        while (events.LastOrDefault() is not T)
        {
            var next = await received.Reader.ReadAsync(timeout.Token);
            if (next is not ResyncNeeded)
            {
                events.Add(next);
            }
        }

        return events;
    }
}
