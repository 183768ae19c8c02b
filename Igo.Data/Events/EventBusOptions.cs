namespace Igo.Data.Events;

/// <summary>Settings of the PostgreSQL bus under <c>Igo:Events</c>.</summary>
public sealed class EventBusOptions
{
    public const string Section = "Igo:Events";

    /// <summary>The one channel every instance listens on.</summary>
    public string Channel { get; set; } = "igo_events";

    /// <summary>First wait before reconnecting the listener (or resending a batch); doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most events sent in one NOTIFY batch (one round trip, one notifying commit).</summary>
    public int MaxEventsPerBatch { get; set; } = 4000;

    /// <summary>
    /// Silence on the listener connection after which both ends start TCP keepalive probes, so that either notices a
    /// peer that vanished without closing the connection. Whole seconds. The kernel sends the probes: an idle
    /// listener costs no query and throws nothing.
    /// </summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time between unanswered keepalive probes. Whole seconds.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(1);
}
