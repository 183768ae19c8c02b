using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Igo.Web.Security;

/// <summary>
/// Turns <see cref="SecurityOptions.TrustedProxies"/> into the forwarded-headers middleware's settings: behind
/// such a proxy the client address is the one it appended to <c>X-Forwarded-For</c>; from anyone else the header is
/// ignored, so a client cannot pick the address its limits are counted against.
/// </summary>
internal static class TrustedProxies
{
    public static void Apply(ForwardedHeadersOptions forwarded, string configured)
    {
        // Only the address: the scheme and host stay as Kestrel saw them (nothing here depends on them).
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;

        // One hop: the rightmost entry is the one our proxy appended; whatever the client wrote before it is not believed.
        forwarded.ForwardLimit = 1;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var entry in configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.Contains('/', StringComparison.Ordinal))
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            }
            else
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(entry));
            }
        }
    }

    /// <summary>Whether every entry is an address or a CIDR network (checked at start, so a typo fails loudly).</summary>
    public static bool AreValid(string configured) =>
        configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(entry => entry.Contains('/', StringComparison.Ordinal) ? System.Net.IPNetwork.TryParse(entry, out _) : IPAddress.TryParse(entry, out _));
}
