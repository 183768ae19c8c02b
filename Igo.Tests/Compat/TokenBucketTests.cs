using Igo.Web.Compat;
using Microsoft.Extensions.Time.Testing;

namespace Igo.Tests.Compat;

[Trait("Category", "Compat")]
public sealed class TokenBucketTests
{
    [Fact]
    public void A_burst_is_allowed_then_messages_at_the_refill_rate()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(burst: 3, perSecond: 2, time);

        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());

        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(bucket.TryTake());
        time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
    }

    [Fact]
    public void An_idle_connection_refills_only_up_to_the_burst()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(burst: 2, perSecond: 10, time);

        time.Advance(TimeSpan.FromHours(1));

        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
    }

}
