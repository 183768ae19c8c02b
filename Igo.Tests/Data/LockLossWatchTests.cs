using Igo.Data.Presence;

namespace Igo.Tests.Data;

[Trait("Category", "Data")]
public sealed class LockLossWatchTests
{
    private static readonly TimeSpan Confirm = TimeSpan.FromSeconds(1);
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid A = Guid.NewGuid();

    private static InstanceLook Locked(string version) => new(A, version, Locked: true);

    private static InstanceLook Free(string version) => new(A, version, Locked: false);

    /// <summary>A watch that has seen A up, holding its lock, at T0 - 1 s.</summary>
    private static LockLossWatch SeenUp()
    {
        var watch = new LockLossWatch(Confirm);
        Assert.Empty(watch.Observe(T0 - Confirm, [Locked("6")]));
        return watch;
    }

    [Fact]
    public void An_instance_whose_lock_was_released_and_which_stops_renewing_is_gone_after_the_confirmation_time_and_reported_once()
    {
        var watch = SeenUp();

        Assert.Empty(watch.Observe(T0, [Free("7")]));
        Assert.Empty(watch.Observe(T0 + (Confirm / 2), [Free("7")]));
        Assert.Equal([A], watch.Observe(T0 + Confirm, [Free("7")]));
        Assert.Empty(watch.Observe(T0 + Confirm + Confirm, [Free("7")]));
    }

    [Fact]
    public void An_instance_that_renews_its_lease_while_its_lock_is_free_is_left_alone()
    {
        var watch = SeenUp();

        for (var look = 0; look < 10; look++)
        {
            Assert.Empty(watch.Observe(T0 + (Confirm * look), [Free(look.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        }
    }

    [Fact]
    public void An_instance_never_seen_with_its_lock_is_starting_and_left_to_its_lease()
    {
        var watch = new LockLossWatch(Confirm);

        for (var look = 0; look < 10; look++)
        {
            Assert.Empty(watch.Observe(T0 + (Confirm * look), [Free("7")]));
        }
    }

    [Fact]
    public void A_lock_taken_again_between_looks_starts_the_count_afresh()
    {
        var watch = SeenUp();

        Assert.Empty(watch.Observe(T0, [Free("7")]));
        Assert.Empty(watch.Observe(T0 + (Confirm / 2), [Locked("7")]));
        Assert.Empty(watch.Observe(T0 + Confirm, [Free("7")]));
        Assert.Equal([A], watch.Observe(T0 + Confirm + Confirm, [Free("7")]));
    }

    [Fact]
    public void Looks_taken_before_forgetting_do_not_count_after()
    {
        var watch = SeenUp();

        Assert.Empty(watch.Observe(T0, [Free("7")]));
        watch.Forget();
        Assert.Empty(watch.Observe(T0 + (Confirm * 5), [Free("7")]));
        Assert.Equal([A], watch.Observe(T0 + (Confirm * 6), [Free("7")]));
    }

    [Fact]
    public void An_instance_whose_row_is_gone_is_forgotten()
    {
        var watch = SeenUp();

        Assert.Empty(watch.Observe(T0, []));
        Assert.Empty(watch.Observe(T0 + Confirm, [Free("7")]));
        Assert.Empty(watch.Observe(T0 + (Confirm * 5), [Free("7")]));
    }

    [Fact]
    public void The_lock_key_is_the_first_64_bits_of_the_instance_id()
    {
        Assert.Equal(0x0123456789abcdefL, PresenceLock.Key(Guid.Parse("01234567-89ab-cdef-fedc-ba9876543210")));
        Assert.Equal(-2L, PresenceLock.Key(Guid.Parse("ffffffff-ffff-fffe-0000-000000000000")));
    }
}
