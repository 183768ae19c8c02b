using Igo.Web.Computer;

namespace Igo.Tests.Computer;

public sealed class BoundedLineTests
{
    [Fact]
    public async Task It_runs_one_piece_at_a_time_keeps_the_waiting_ones_in_line_and_turns_away_the_rest_at_once()
    {
        var token = TestContext.Current.CancellationToken;
        using var line = new BoundedLine(maxWaiting: 2);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var mostAtOnce = 0;

        async Task<string> Work(string name)
        {
            var now = Interlocked.Increment(ref running);
            mostAtOnce = Math.Max(mostAtOnce, now);
            await release.Task;
            Interlocked.Decrement(ref running);
            return name;
        }

        var admitted = new[] { "first", "second", "third" }.Select(name => line.TryRunAsync(() => Work(name), token)).ToList();
        var turnedAway = await line.TryRunAsync(() => Work("fourth"), token);

        Assert.Null(turnedAway);
        Assert.All(admitted, task => Assert.False(task.IsCompleted));

        release.SetResult();
        Assert.Equal(["first", "second", "third"], await Task.WhenAll(admitted));
        Assert.Equal(1, mostAtOnce);

        // Once the line has emptied, work is taken again.
        Assert.Equal("fifth", await line.TryRunAsync(() => Task.FromResult("fifth"), token));
    }

    [Fact]
    public async Task A_failing_piece_leaves_its_place_in_the_line()
    {
        var token = TestContext.Current.CancellationToken;
        using var line = new BoundedLine(maxWaiting: 0);

        await Assert.ThrowsAsync<InvalidOperationException>(() => line.TryRunAsync<string>(() => throw new InvalidOperationException("engine gone"), token));

        Assert.Equal("next", await line.TryRunAsync(() => Task.FromResult("next"), token));
    }
}
