using System.ComponentModel.DataAnnotations;

namespace Igo.Web.Security;

/// <summary>
/// Who a client is and how hard it may guess keys, for every UI: bound from the <c>Security</c> section (for example
/// <c>Security:TrustedProxies</c>, or the environment variable <c>Security__TrustedProxies</c>).
/// </summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// The proxies whose <c>X-Forwarded-For</c> is believed, comma-separated addresses or CIDR networks. The client
    /// address every per-address limit counts is the connection's peer unless that peer is one of these; then it is the
    /// address the proxy appended. Loopback by default (nginx on the same host, as scripts/cluster.sh runs it).
    /// </summary>
    public string TrustedProxies { get; set; } = "127.0.0.0/8,::1";

    /// <summary>
    /// Joins with a key that matches no game (or a wrong computer secret) one address may make at once, in both UIs
    /// together; after that it may make one per <see cref="FailedJoinInterval"/>. Successful joins cost nothing. This is
    /// what makes guessing 10-character base-62 keys hopeless.
    /// </summary>
    [Range(1, 1_000_000)]
    public int FailedJoinBurst { get; set; } = 10;

    /// <summary>
    /// Blazor circuits (browser tabs of the Blazor UI) one address may hold at once on this instance. A page over the
    /// cap shows "Too many Igo pages are open from your address" instead of connecting. Each idle game page costs the
    /// server memory (docs/DEPLOYMENT.md), so one client with a script cannot open circuits until the server runs out.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxCircuitsPerAddress { get; set; } = 20;

    /// <summary>How often a throttled address earns one more failed join attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan FailedJoinInterval { get; set; } = TimeSpan.FromSeconds(3);
}
