using Igo.Web.Throttling;
using Microsoft.Extensions.Time.Testing;

namespace Igo.Tests.Web.Throttling;

[Trait("Category", "Compat")]
public sealed class TokenBucketTests
{
    [Fact]
    public void A_burst_is_allowed_then_one_token_per_interval()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(burst: 3, interval: TimeSpan.FromMilliseconds(500), time);

        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
        Assert.Equal(TimeSpan.FromMilliseconds(500), bucket.UntilNextToken());

        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(bucket.TryTake());
        Assert.Equal(TimeSpan.FromMilliseconds(1), bucket.UntilNextToken());
        time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.Equal(TimeSpan.Zero, bucket.UntilNextToken());
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
    }

    [Fact]
    public void An_idle_connection_refills_only_up_to_the_burst()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(burst: 2, interval: TimeSpan.FromMilliseconds(100), time);

        time.Advance(TimeSpan.FromHours(1));

        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
    }

    [Fact]
    public void An_empty_burst_never_has_a_token()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(burst: 0, interval: TimeSpan.FromMilliseconds(100), time);

        time.Advance(TimeSpan.FromHours(1));

        Assert.False(bucket.TryTake());
    }
}
