using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Igo.Web.Compat;

/// <summary>
/// The limits the compatibility endpoint keeps per client address (see <see cref="ClientAddress"/>), shared by every
/// connection of this instance: open sockets, failed joins, chat messages. Partitions of addresses that went quiet are
/// dropped by the partitioned limiters themselves, so the memory follows the active addresses only.
/// </summary>
internal sealed class ClientAddressLimits : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> connections;
    private readonly PartitionedRateLimiter<IPAddress> failedJoins;
    private readonly PartitionedRateLimiter<IPAddress> chats;
    private readonly TimeSpan failedJoinInterval;
    private readonly TimeSpan chatInterval;

    public ClientAddressLimits(IOptions<CompatibilityOptions> options)
    {
        var settings = options.Value;
        failedJoinInterval = settings.FailedJoinInterval;
        chatInterval = settings.ChatInterval;
        connections = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetConcurrencyLimiter(
            address,
            _ => new ConcurrencyLimiterOptions { PermitLimit = settings.MaxConnectionsPerAddress, QueueLimit = 0 }));
        failedJoins = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetTokenBucketLimiter(
            address,
            _ => Bucket(settings.FailedJoinBurst, settings.FailedJoinInterval)));
        chats = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetTokenBucketLimiter(
            address,
            _ => Bucket(settings.ChatBurst, settings.ChatInterval)));
    }

    /// <summary>A permit for one socket, to be disposed when the socket ends; not acquired when the address holds too many.</summary>
    public RateLimitLease AcquireConnection(IPAddress address) => connections.AttemptAcquire(address);

    /// <summary>
    /// Whether the address may try a join now: null when it may, else how long until it may. Nothing is taken; a join
    /// only costs a token when it fails (<see cref="CountFailedJoin"/>), so players who know their keys are never slowed.
    /// </summary>
    public TimeSpan? JoinWait(IPAddress address)
    {
        // Whole permits only: the bucket refills in fractions, and a fraction must not let an attempt through that the
        // failure could then not be charged for.
        if (failedJoins.GetStatistics(address)?.CurrentAvailablePermits >= 1)
        {
            return null;
        }

        // Fewer than one token: this acquire fails, takes nothing, and says how long until one is back.
        using var refused = failedJoins.AttemptAcquire(address);
        return refused.IsAcquired ? null : RetryAfter(refused, failedJoinInterval);
    }

    /// <summary>Charges a failed join to the address; true when that used its last attempt (it is throttled from now).</summary>
    public bool CountFailedJoin(IPAddress address)
    {
        using (failedJoins.AttemptAcquire(address))
        {
        }

        return JoinWait(address) is not null;
    }

    /// <summary>Takes one chat message from the address's allowance: null when it may be sent, else how long until one may.</summary>
    public TimeSpan? ChatWait(IPAddress address)
    {
        using var lease = chats.AttemptAcquire(address);
        return lease.IsAcquired ? null : RetryAfter(lease, chatInterval);
    }

    /// <summary>Whole seconds to tell a person, never 0 (a refused client must wait).</summary>
    public static string Seconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        connections.Dispose();
        failedJoins.Dispose();
        chats.Dispose();
    }

    // The partitioned limiter's own timer replenishes its buckets, so none of them needs a timer of its own.
    private static TokenBucketRateLimiterOptions Bucket(int burst, TimeSpan interval) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = interval,
        QueueLimit = 0,
        AutoReplenishment = false,
    };

    private static TimeSpan RetryAfter(RateLimitLease refused, TimeSpan interval) =>
        refused.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : interval;
}
