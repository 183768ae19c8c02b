namespace Igo.Web.Throttling;

/// <summary>
/// An allowance: holds up to <c>burst</c> tokens and earns one back every <c>interval</c>, in fractions as time passes;
/// each use takes one. Time comes from the injected <see cref="TimeProvider"/>. Not thread-safe: its owner serialises
/// the calls. A connection's send-ahead (Compat) and an address's failed joins (Security) each keep their own.
/// </summary>
internal sealed class TokenBucket(int burst, TimeSpan interval, TimeProvider time)
{
    private double tokens = burst;
    private long refilledAt = time.GetTimestamp();

    /// <summary>The whole tokens there now; a fraction earned so far is not one.</summary>
    public int WholeTokens
    {
        get
        {
            Refill();
            return (int)Math.Floor(tokens);
        }
    }

    /// <summary>Whether it holds its whole burst, as a bucket that was never used does.</summary>
    public bool IsFull
    {
        get
        {
            Refill();
            return tokens >= burst;
        }
    }

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
