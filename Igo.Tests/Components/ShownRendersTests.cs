using Igo.Web.Components.Play;

namespace Igo.Tests.Components;

/// <summary>A page's change counts as taken once its browser has shown it, or after the wait at most (ADR 14).</summary>
public sealed class ShownRendersTests
{
    [Fact]
    public async Task The_wait_ends_when_the_render_is_shown()
    {
        var renders = new ShownRenders();
        var next = renders.Next;
        var waiting = ShownRenders.WithinAsync(next, TimeSpan.FromMinutes(5));
        Assert.False(waiting.IsCompleted);

        renders.Shown();

        await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(next.IsCompletedSuccessfully);
    }

    [Fact]
    public void A_render_asked_for_after_a_shown_one_waits_for_the_next()
    {
        var renders = new ShownRenders();
        var first = renders.Next;
        renders.Shown();

        var second = renders.Next;

        Assert.True(first.IsCompleted);
        Assert.False(second.IsCompleted);
    }

    [Fact]
    public async Task A_browser_that_never_acknowledges_holds_the_wait_only_so_long()
    {
        var renders = new ShownRenders();

        await ShownRenders.WithinAsync(renders.Next, TimeSpan.FromMilliseconds(50)).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.False(renders.Next.IsCompleted);
    }
}
