using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Igo.Web.Security;

/// <summary>
/// Failed joins per client address (see <see cref="ClientAddress"/>), one allowance per address for the whole instance:
/// the <c>/websocket</c> endpoint and the Blazor UI take from the same bucket, so switching UI, opening a new socket or
/// reloading the page does not give a key guesser a fresh budget. Only a failed join costs an attempt, so a player who
/// knows their key is never slowed. The settings are <c>Security:FailedJoinBurst</c> and <c>Security:FailedJoinInterval</c>.
/// </summary>
internal sealed class FailedJoinLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> failures;
    private readonly TimeSpan interval;

    // Attempts that passed the check and have not ended yet, per address. Each holds one whole token in reserve, so that
    // many attempts at once (parallel sockets or tabs) cannot all pass on the last token and be charged only afterwards.
    private readonly Dictionary<IPAddress, int> inFlight = [];
    private readonly Lock gate = new();

    public FailedJoinLimiter(IOptions<SecurityOptions> options)
    {
        var settings = options.Value;
        interval = settings.FailedJoinInterval;

        // The partitioned limiter's own timer replenishes its buckets, and drops the partitions of quiet addresses.
        failures = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetTokenBucketLimiter(
            address,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = settings.FailedJoinBurst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = settings.FailedJoinInterval,
                QueueLimit = 0,
                AutoReplenishment = false,
            }));
    }

    /// <summary>
    /// Starts a join from the address: refused (with how long to wait) when it has no attempt left, else an attempt
    /// that holds one in reserve until it is disposed, and costs it only when <see cref="JoinAttempt.Failed"/> is called.
    /// </summary>
    public JoinAttempt Begin(IPAddress address)
    {
        lock (gate)
        {
            if (WaitFor(address) is { } wait)
            {
                return JoinAttempt.Refused(wait);
            }

            inFlight[address] = inFlight.GetValueOrDefault(address) + 1;
            return JoinAttempt.Allowed(this, address);
        }
    }

    /// <summary>Whether the address may try a join now: null when it may, else how long until it may. Nothing is taken.</summary>
    public TimeSpan? Wait(IPAddress address)
    {
        lock (gate)
        {
            return WaitFor(address);
        }
    }

    /// <summary>
    /// Spends the attempt's reserved token and ends the attempt; true when that was the address's last token (it is
    /// throttled from now).
    /// </summary>
    internal bool Charge(IPAddress address)
    {
        lock (gate)
        {
            // The reserved whole token is still there (buckets only grow while an attempt runs), so this always takes one.
            using (failures.AttemptAcquire(address))
            {
            }

            Release(address);
            return Available(address) < 1;
        }
    }

    /// <summary>Ends an attempt that was not charged: its reserved token is free again.</summary>
    internal void End(IPAddress address)
    {
        lock (gate)
        {
            Release(address);
        }
    }

    public void Dispose() => failures.Dispose();

    private TimeSpan? WaitFor(IPAddress address)
    {
        // Whole tokens only: the bucket refills in fractions, and a fraction must not let an attempt through that the
        // failure could then not be charged for.
        var free = Available(address) - inFlight.GetValueOrDefault(address);
        if (free >= 1)
        {
            return null;
        }

        if (Available(address) >= 1)
        {
            // Tokens are there but reserved by attempts under way; they are free again as soon as those end.
            return interval;
        }

        // Fewer than one token: this acquire fails, takes nothing, and says how long until one is back.
        using var refused = failures.AttemptAcquire(address);
        return refused.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : interval;
    }

    private void Release(IPAddress address)
    {
        if (inFlight.GetValueOrDefault(address) <= 1)
        {
            inFlight.Remove(address);
        }
        else
        {
            inFlight[address]--;
        }
    }

    private long Available(IPAddress address) => failures.GetStatistics(address)?.CurrentAvailablePermits ?? 0;
}
