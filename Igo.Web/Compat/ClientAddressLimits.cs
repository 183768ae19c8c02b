using System.Net;
using System.Threading.RateLimiting;
using Igo.Web.Security;
using Microsoft.Extensions.Options;

namespace Igo.Web.Compat;

/// <summary>
/// The limits the compatibility endpoint keeps per client address (see <see cref="ClientAddress"/>), shared by every
/// connection of this instance: open sockets and chat messages. (Failed joins are counted by
/// <see cref="FailedJoinLimiter"/>, which the Blazor UI shares.) Partitions of addresses that went quiet are
/// dropped by the partitioned limiters themselves, so the memory follows the active addresses only.
/// </summary>
internal sealed class ClientAddressLimits : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> connections;
    private readonly PartitionedRateLimiter<IPAddress> chats;
    private readonly TimeSpan chatInterval;

    public ClientAddressLimits(IOptions<CompatibilityOptions> options)
    {
        var settings = options.Value;
        chatInterval = settings.ChatInterval;
        connections = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetConcurrencyLimiter(
            address,
            _ => new ConcurrencyLimiterOptions { PermitLimit = settings.MaxConnectionsPerAddress, QueueLimit = 0 }));
        chats = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetTokenBucketLimiter(
            address,
            _ => Bucket(settings.ChatBurst, settings.ChatInterval)));
    }

    /// <summary>A permit for one socket, to be disposed when the socket ends; not acquired when the address holds too many.</summary>
    public RateLimitLease AcquireConnection(IPAddress address) => connections.AttemptAcquire(address);

    /// <summary>Takes one chat message from the address's allowance: null when it may be sent, else how long until one may.</summary>
    public TimeSpan? ChatWait(IPAddress address)
    {
        using var lease = chats.AttemptAcquire(address);
        return lease.IsAcquired ? null : RetryAfter(lease, chatInterval);
    }

    public void Dispose()
    {
        connections.Dispose();
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
