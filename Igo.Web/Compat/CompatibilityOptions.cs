using System.ComponentModel.DataAnnotations;

namespace Igo.Web.Compat;

/// <summary>
/// Settings of the igo-frontend compatibility endpoint, bound from the <c>Compat</c> section
/// (for example <c>Compat:OriginSuffix</c>, or the environment variable <c>Compat__OriginSuffix</c>).
/// </summary>
public sealed class CompatibilityOptions
{
    public const string SectionName = "Compat";

    /// <summary>The path the frontend connects to (its URL is baked in at build time).</summary>
    public string Path { get; set; } = "/websocket";

    /// <summary>
    /// Like the original's <c>--origin-suffix</c>: empty accepts every origin; otherwise the Origin's host[:port] must match
    /// <c>.*&lt;suffix&gt;(:\d+)?$</c>, or <c>&lt;suffix&gt;(:\d+)?$</c> when the suffix starts with <c>^</c>. A regular expression.
    /// </summary>
    public string OriginSuffix { get; set; } = string.Empty;

    /// <summary>The largest message accepted; a bigger one closes the connection (the original allowed 10 MiB).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxFrameBytes { get; set; } = 64 * 1024;

    /// <summary>How often the server sends a WebSocket ping.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the server waits for the pong to a ping before it drops the connection (and frees its key).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Messages a connection may send ahead of the answers to its earlier ones, at once. A message sent after every
    /// earlier one was answered costs nothing: a client that waits for its answers is never slowed, whatever its pace.
    /// </summary>
    [Range(0, 1_000_000)]
    public int SendAheadBurst { get; set; } = 60;

    /// <summary>
    /// Once the burst is spent, a connection earns one more message ahead this often. Until then its socket is not read
    /// (TCP pushes back on the client), unless its pending messages are all answered first.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.000001", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan SendAheadInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Messages read from one connection and not yet answered (each at most <see cref="MaxFrameBytes"/>; what the client
    /// sends beyond them waits in TCP's buffers). A client that has this many pending and sends one more floods past the
    /// bound and is disconnected. At least 2: a client that waits for its answers may send its next message the moment
    /// an answer is on the wire, before the server has finished with the message it answered.
    /// </summary>
    [Range(2, 100_000)]
    public int MaxPendingInbound { get; set; } = 64;

    /// <summary>Messages waiting to be written to one connection; more means the client does not read, and it is disconnected.</summary>
    [Range(1, 1_000_000)]
    public int MaxPendingOutbound { get; set; } = 1024;

    /// <summary>
    /// WebSocket connections one client address may hold at once on this instance (an IPv6 address counts by its /64,
    /// what one subscriber gets). An upgrade over the limit is refused with 429 before it becomes a socket.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxConnectionsPerAddress { get; set; } = 32;

    /// <summary>Chat messages one address may send at once before <see cref="ChatInterval"/> applies.</summary>
    [Range(1, 1_000_000)]
    public int ChatBurst { get; set; } = 10;

    /// <summary>How often an address that used its chat burst may send one more message; faster ones are refused, not stored.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan ChatInterval { get; set; } = TimeSpan.FromSeconds(2);
}
