using Igo.Web.Compat;
using Microsoft.Extensions.Time.Testing;

namespace Igo.Tests.Compat;

/// <summary>
/// When a connection's receive loop may take the next message (docs/COMPATIBILITY.md, "Flow control"): at once for a
/// client that waited for its answers; after a token or after its answers for one that sends ahead; never past the bound.
/// </summary>
[Trait("Category", "Compat")]
public sealed class InboundFlowTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly FakeTimeProvider time = new();
    private int slowedCalls;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_that_waits_for_each_answer_is_never_slowed_and_spends_no_allowance()
    {
        // No allowance at all to send ahead, and no time passing: only waiting for the answers.
        var flow = Flow(burst: 0, maxPending: 2);

        for (var i = 0; i < 10_000; i++)
        {
            var admitted = flow.AdmitAsync(Cancel);
            Assert.True(admitted.IsCompletedSuccessfully, $"message {i} had to wait");
            Assert.True(await admitted);
            flow.Answered();
        }

        Assert.Equal(0, slowedCalls);
        Assert.Equal(0, flow.Pending);
    }

    [Fact]
    public async Task A_next_message_read_before_the_answered_one_is_finished_waits_only_for_that_and_is_not_dropped()
    {
        // The client got its answer and sent the next message before the server's handler had returned.
        var flow = Flow(burst: 0, maxPending: 2);
        Assert.True(await flow.AdmitAsync(Cancel));

        var next = flow.AdmitAsync(Cancel).AsTask();
        Assert.False(next.IsCompleted);
        flow.Answered();

        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10), Cancel));
        Assert.Equal(1, flow.Pending);
    }

    [Fact]
    public async Task Messages_sent_ahead_take_the_burst_then_wait_for_the_refill()
    {
        var flow = Flow(burst: 2, maxPending: 64);
        Assert.True(await flow.AdmitAsync(Cancel));
        Assert.True(await flow.AdmitAsync(Cancel));
        Assert.True(await flow.AdmitAsync(Cancel));

        var fourth = flow.AdmitAsync(Cancel).AsTask();
        Assert.False(fourth.IsCompleted);
        Assert.Equal(1, slowedCalls);

        time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await fourth.WaitAsync(TimeSpan.FromSeconds(10), Cancel));
        Assert.Equal(4, flow.Pending);

        // The next waits for the next token; "slowed" is reported once per connection.
        var fifth = flow.AdmitAsync(Cancel).AsTask();
        Assert.False(fifth.IsCompleted);
        time.Advance(Interval);
        Assert.True(await fifth.WaitAsync(TimeSpan.FromSeconds(10), Cancel));
        Assert.Equal(1, slowedCalls);
    }

    [Fact]
    public async Task A_waiting_message_is_taken_as_soon_as_everything_pending_is_answered()
    {
        var flow = Flow(burst: 1, maxPending: 64);
        Assert.True(await flow.AdmitAsync(Cancel));
        Assert.True(await flow.AdmitAsync(Cancel));

        var third = flow.AdmitAsync(Cancel).AsTask();
        flow.Answered();
        Assert.False(third.IsCompleted);
        flow.Answered();

        Assert.True(await third.WaitAsync(TimeSpan.FromSeconds(10), Cancel));
        Assert.Equal(1, flow.Pending);
    }

    [Fact]
    public async Task A_client_with_the_most_pending_messages_that_sends_one_more_has_flooded()
    {
        var flow = Flow(burst: 100, maxPending: 4);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(await flow.AdmitAsync(Cancel));
        }

        Assert.False(await flow.AdmitAsync(Cancel));

        // One answer makes room again.
        flow.Answered();
        Assert.True(await flow.AdmitAsync(Cancel));
    }

    [Fact]
    public async Task A_client_slowed_until_the_bound_is_then_dropped()
    {
        var flow = Flow(burst: 1, maxPending: 3);
        Assert.True(await flow.AdmitAsync(Cancel));
        Assert.True(await flow.AdmitAsync(Cancel));

        var third = flow.AdmitAsync(Cancel).AsTask();
        time.Advance(Interval);
        Assert.True(await third.WaitAsync(TimeSpan.FromSeconds(10), Cancel));

        time.Advance(Interval);
        Assert.False(await flow.AdmitAsync(Cancel));
        Assert.Equal(1, slowedCalls);
    }

    [Fact]
    public async Task Waiting_ends_when_the_connection_is_aborted()
    {
        var flow = Flow(burst: 0, maxPending: 64);
        Assert.True(await flow.AdmitAsync(Cancel));
        using var abort = new CancellationTokenSource();

        var second = flow.AdmitAsync(abort.Token).AsTask();
        await abort.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.WaitAsync(TimeSpan.FromSeconds(10), Cancel));
    }

    private InboundFlow Flow(int burst, int maxPending) => new(
        new CompatibilityOptions { SendAheadBurst = burst, SendAheadInterval = Interval, MaxPendingInbound = maxPending },
        time,
        () => slowedCalls++);
}
