namespace Igo.Web.Compat;

/// <summary>
/// A per-connection allowance: holds up to <c>burst</c> tokens and earns one back every <c>interval</c>; each use takes
/// one. Time comes from the injected <see cref="TimeProvider"/>. Not thread-safe: its owner serialises the calls.
/// </summary>
internal sealed class TokenBucket(int burst, TimeSpan interval, TimeProvider time)
{
    private double tokens = burst;
    private long refilledAt = time.GetTimestamp();

    /// <summary>Takes a token; false when the bucket is empty.</summary>
    public bool TryTake()
    {
        Refill();
        if (tokens < 1)
        {
            return false;
        }

        tokens -= 1;
        return true;
    }

    /// <summary>How long until a whole token is there (zero when one is there now).</summary>
    public TimeSpan UntilNextToken()
    {
        Refill();
        return tokens >= 1 ? TimeSpan.Zero : interval * (1 - tokens);
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        tokens = Math.Min(burst, tokens + (time.GetElapsedTime(refilledAt, now) / interval));
        refilledAt = now;
    }
}
