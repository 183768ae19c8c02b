using System.Net;
using Igo.Web.Games;

namespace Igo.Web.Security;

/// <summary>
/// One join from a client address, as <see cref="FailedJoinLimiter.Begin"/> allowed or refused it. Dispose it when the
/// join has been answered, whatever the answer, so that its reserved attempt is free again.
/// </summary>
internal sealed class JoinAttempt : IDisposable
{
    private readonly FailedJoinLimiter? limiter;
    private readonly IPAddress address;
    private bool ended;

    private JoinAttempt(FailedJoinLimiter? limiter, IPAddress address, TimeSpan? wait)
    {
        this.limiter = limiter;
        this.address = address;
        RefusedFor = wait;
    }

    /// <summary>Null when the join may go ahead; else how long until the address may try again.</summary>
    public TimeSpan? RefusedFor { get; }

    /// <summary>The sentence a refused player is shown (both UIs use it verbatim); null when the join may go ahead.</summary>
    public string? Refusal => RefusedFor is { } wait ? RefusalText(wait) : null;

    public static string RefusalText(TimeSpan wait) =>
        $"Too many failed attempts to join from your address; try again in {WaitText.Seconds(wait)} s";

    /// <summary>
    /// Whether a join that failed this way is what a key guesser sees: a key that matches nothing, a malformed one, or a
    /// wrong computer secret. "In use" after a reconnect race, or the service being unavailable, is not.
    /// </summary>
    public static bool IsGuess(SeatFailure? failure) => failure is SeatFailure.NotFound or SeatFailure.WrongSecret or SeatFailure.Invalid;

    internal static JoinAttempt Refused(TimeSpan wait) => new(null, IPAddress.None, wait);

    internal static JoinAttempt Allowed(FailedJoinLimiter limiter, IPAddress address) => new(limiter, address, null);

    /// <summary>
    /// The join named no game (or gave a wrong secret): that is what a key guesser does, and it costs the attempt.
    /// True when that used the address's last attempt. Charged once, however often it is called, and it ends the attempt.
    /// </summary>
    public bool Failed()
    {
        if (limiter is null || ended)
        {
            return false;
        }

        ended = true;
        return limiter.Charge(address);
    }

    public void Dispose()
    {
        if (limiter is null || ended)
        {
            return;
        }

        ended = true;
        limiter.End(address);
    }
}
