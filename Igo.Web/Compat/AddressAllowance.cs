using System.Net;
using Igo.Web.Security;

namespace Igo.Web.Compat;

/// <summary>
/// One connection's view of its address's shared limits (<see cref="ClientAddressLimits"/>, and the failed joins of
/// <see cref="FailedJoinLimiter"/> that the Blazor UI shares): whether it may try a join or send a chat line now, with
/// the text that explains a refusal; and the log lines that go with them.
/// </summary>
internal sealed class AddressAllowance(ClientAddressLimits limits, FailedJoinLimiter joins, IPAddress address, string connectionId, ILogger logger)
{
    /// <summary>
    /// Starts a join: when <see cref="JoinAttempt.Refusal"/> is set, send it and do not ask the coordinator. Dispose the
    /// attempt once the join is answered.
    /// </summary>
    public JoinAttempt BeginJoin()
    {
        var attempt = joins.Begin(address);
        if (attempt.RefusedFor is not null)
        {
            CompatLog.JoinRefusedThrottled(logger, address, connectionId);
        }

        return attempt;
    }

    /// <summary>A join named no game (or gave a wrong secret): that is what a key guesser does, and it costs the attempt.</summary>
    public void CountFailedJoin(JoinAttempt attempt)
    {
        if (attempt.Failed())
        {
            CompatLog.JoinsThrottled(logger, address, connectionId);
        }
    }

    /// <summary>Null when a chat line may be sent (and takes it from the allowance); else the refusal to send.</summary>
    public string? ChatRefusal()
    {
        if (limits.ChatWait(address) is not { } wait)
        {
            return null;
        }

        CompatLog.ChatThrottled(logger, address, connectionId);
        return ProtocolTexts.ChatThrottled(WaitText.Seconds(wait));
    }
}
