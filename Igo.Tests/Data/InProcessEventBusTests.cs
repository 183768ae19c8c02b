using Igo.Data.Events;
using Igo.Domain;
using Microsoft.Extensions.Logging.Abstractions;

namespace Igo.Tests.Data;

[Trait("Category", "Data")]
public sealed class InProcessEventBusTests
{
    [Fact]
    public async Task Events_arrive_in_publish_order_and_a_throwing_subscriber_does_not_stop_the_others()
    {
        await using var bus = new InProcessGameEventBus(NullLogger<InProcessGameEventBus>.Instance);
        var recorder = new EventRecorder();
        using var faulty = bus.Subscribe(5, _ => throw new InvalidOperationException("subscriber bug"));
        using var good = bus.Subscribe(5, recorder.Record);
        var origin = Guid.NewGuid();
        var sent = Enumerable.Range(1, 200).Select(v => (GameEvent)new PresenceChanged(5, v, origin, Color.Black, v % 2 == 0)).ToList();

        foreach (var gameEvent in sent)
        {
            await bus.PublishAsync([gameEvent], TestContext.Current.CancellationToken);
        }

        Assert.Equal(sent, await recorder.TakeAsync(sent.Count));
    }

    [Fact]
    public async Task A_disposed_subscription_hears_nothing_more()
    {
        await using var bus = new InProcessGameEventBus(NullLogger<InProcessGameEventBus>.Instance);
        var dropped = new EventRecorder();
        var kept = new EventRecorder();
        var subscription = bus.Subscribe(6, dropped.Record);
        using var other = bus.Subscribe(6, kept.Record);

        subscription.Dispose();
        await bus.PublishAsync([new ChatPosted(6, 1, Guid.Empty, 1)], TestContext.Current.CancellationToken);
        await kept.NextAsync<ChatPosted>();
        await bus.PublishAsync([new ChatPosted(6, 2, Guid.Empty, 2)], TestContext.Current.CancellationToken);
        await kept.NextAsync<ChatPosted>();

        using var quick = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dropped.TakeAsync(1).WaitAsync(quick.Token));
    }
}
