using System.Net;

namespace Igo.Web.Compat;

/// <summary>
/// One connection's view of its address's shared limits (<see cref="ClientAddressLimits"/>): whether it may try a join
/// or send a chat line now, with the text that explains a refusal; and the log lines that go with them.
/// </summary>
internal sealed class AddressAllowance(ClientAddressLimits limits, IPAddress address, string connectionId, ILogger logger)
{
    /// <summary>Null when the address may try a join; else the refusal to send (the coordinator is not asked).</summary>
    public string? JoinRefusal()
    {
        if (limits.JoinWait(address) is not { } wait)
        {
            return null;
        }

        CompatLog.JoinRefusedThrottled(logger, address.ToString(), connectionId);
        return ProtocolTexts.JoinThrottled(ClientAddressLimits.Seconds(wait));
    }

    /// <summary>A join named no game (or gave a wrong secret): that is what a key guesser does, and it costs an attempt.</summary>
    public void CountFailedJoin()
    {
        if (limits.CountFailedJoin(address))
        {
            CompatLog.JoinsThrottled(logger, address.ToString(), connectionId);
        }
    }

    /// <summary>Null when a chat line may be sent (and takes it from the allowance); else the refusal to send.</summary>
    public string? ChatRefusal()
    {
        if (limits.ChatWait(address) is not { } wait)
        {
            return null;
        }

        CompatLog.ChatThrottled(logger, address.ToString(), connectionId);
        return ProtocolTexts.ChatThrottled(ClientAddressLimits.Seconds(wait));
    }
}
