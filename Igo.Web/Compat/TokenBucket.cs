namespace Igo.Web.Compat;

/// <summary>
/// A per-connection rate limit: holds up to <c>burst</c> tokens, refills at <c>perSecond</c>, and each message takes one.
/// Used by one receive loop only, so it needs no lock.
/// </summary>
internal sealed class TokenBucket(int burst, double perSecond, TimeProvider time)
{
    private double tokens = burst;
    private long refilledAt = time.GetTimestamp();

    /// <summary>Takes a token; false when the bucket is empty (the client sends faster than allowed).</summary>
    public bool TryTake()
    {
        var now = time.GetTimestamp();
        tokens = Math.Min(burst, tokens + (time.GetElapsedTime(refilledAt, now).TotalSeconds * perSecond));
        refilledAt = now;
        if (tokens < 1)
        {
            return false;
        }

        tokens -= 1;
        return true;
    }
}
