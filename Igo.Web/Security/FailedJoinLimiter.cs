using System.Net;
using Igo.Web.Throttling;
using Microsoft.Extensions.Options;

namespace Igo.Web.Security;

/// <summary>
/// Failed joins per client address (see <see cref="ClientAddress"/>), one allowance per address for the whole instance:
/// the <c>/websocket</c> endpoint and the Blazor UI take from the same bucket, so switching UI, opening a new socket or
/// reloading the page does not give a key guesser a fresh budget. Only a failed join costs an attempt, so a player who
/// knows their key is never slowed. The settings are <c>Security:FailedJoinBurst</c> and <c>Security:FailedJoinInterval</c>.
/// </summary>
internal sealed class FailedJoinLimiter(IOptions<SecurityOptions> options, TimeProvider time)
{
    private readonly SecurityOptions settings = options.Value;

    // Only addresses that failed lately have a bucket; an address without one has its whole burst.
    private readonly Dictionary<IPAddress, TokenBucket> failures = [];

    // Attempts that passed the check and have not ended yet, per address. Each holds one whole token in reserve, so that
    // many attempts at once (parallel sockets or tabs) cannot all pass on the last token and be charged only afterwards.
    private readonly Dictionary<IPAddress, int> inFlight = [];
    private readonly Lock gate = new();
    private long prunedAt = time.GetTimestamp();

    /// <summary>
    /// Starts a join from the address: refused (with how long to wait) when it has no attempt left, else an attempt
    /// that holds one in reserve until it is disposed, and costs it only when <see cref="JoinAttempt.Failed"/> is called.
    /// </summary>
    public JoinAttempt Begin(IPAddress address)
    {
        lock (gate)
        {
            ForgetQuietAddresses();
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
            if (!failures.TryGetValue(address, out var bucket))
            {
                bucket = new TokenBucket(settings.FailedJoinBurst, settings.FailedJoinInterval, time);
                failures[address] = bucket;
            }

            // The reserved whole token is still there (buckets only grow while an attempt runs), so this always takes one.
            bucket.TryTake();
            Release(address);
            return bucket.WholeTokens < 1;
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

    private TimeSpan? WaitFor(IPAddress address)
    {
        // Whole tokens only: the bucket refills in fractions, and a fraction must not let an attempt through that the
        // failure could then not be charged for.
        var bucket = failures.GetValueOrDefault(address);
        var available = bucket?.WholeTokens ?? settings.FailedJoinBurst;
        if (available - inFlight.GetValueOrDefault(address) >= 1)
        {
            return null;
        }

        // Tokens that are there but reserved by attempts under way are free again as soon as those end.
        return available >= 1 || bucket is null ? settings.FailedJoinInterval : bucket.UntilNextToken();
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

    /// <summary>
    /// Drops the buckets that have refilled to the whole burst (the same as having none), at most once per time a bucket
    /// takes to refill from empty, so the addresses kept are those that failed lately.
    /// </summary>
    private void ForgetQuietAddresses()
    {
        if (time.GetElapsedTime(prunedAt) < settings.FailedJoinInterval * settings.FailedJoinBurst)
        {
            return;
        }

        prunedAt = time.GetTimestamp();
        foreach (var (address, bucket) in failures)
        {
            if (bucket.IsFull && !inFlight.ContainsKey(address))
            {
                failures.Remove(address);
            }
        }
    }
}
