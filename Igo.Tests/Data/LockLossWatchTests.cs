using Igo.Data.Presence;

namespace Igo.Tests.Data;

[Trait("Category", "Data")]
public sealed class LockLossWatchTests
{
    private static readonly TimeSpan Confirm = TimeSpan.FromSeconds(1);
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid A = Guid.NewGuid();

    [Fact]
    public void An_instance_without_its_lock_that_stops_renewing_is_gone_after_the_confirmation_time_and_reported_once()
    {
        var watch = new LockLossWatch(Confirm);

        Assert.Empty(watch.Observe(T0, [new(A, "7")]));
        Assert.Empty(watch.Observe(T0 + (Confirm / 2), [new(A, "7")]));
        Assert.Equal([A], watch.Observe(T0 + Confirm, [new(A, "7")]));
        Assert.Empty(watch.Observe(T0 + Confirm + Confirm, [new(A, "7")]));
    }

    [Fact]
    public void An_instance_that_renews_its_lease_while_its_lock_is_free_is_left_alone()
    {
        var watch = new LockLossWatch(Confirm);

        for (var look = 0; look < 10; look++)
        {
            Assert.Empty(watch.Observe(T0 + (Confirm * look), [new(A, look.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        }
    }

    [Fact]
    public void A_lock_taken_again_between_looks_starts_the_count_afresh()
    {
        var watch = new LockLossWatch(Confirm);

        Assert.Empty(watch.Observe(T0, [new(A, "7")]));
        Assert.Empty(watch.Observe(T0 + (Confirm / 2), []));
        Assert.Empty(watch.Observe(T0 + Confirm, [new(A, "7")]));
        Assert.Equal([A], watch.Observe(T0 + Confirm + Confirm, [new(A, "7")]));
    }

    [Fact]
    public void Looks_taken_before_forgetting_do_not_count_after()
    {
        var watch = new LockLossWatch(Confirm);

        Assert.Empty(watch.Observe(T0, [new(A, "7")]));
        watch.Forget();
        Assert.Empty(watch.Observe(T0 + (Confirm * 5), [new(A, "7")]));
        Assert.Equal([A], watch.Observe(T0 + (Confirm * 6), [new(A, "7")]));
    }

    [Fact]
    public void The_lock_key_is_the_first_64_bits_of_the_instance_id()
    {
        Assert.Equal(0x0123456789abcdefL, PresenceLock.Key(Guid.Parse("01234567-89ab-cdef-fedc-ba9876543210")));
        Assert.Equal(-2L, PresenceLock.Key(Guid.Parse("ffffffff-ffff-fffe-0000-000000000000")));
    }
}
