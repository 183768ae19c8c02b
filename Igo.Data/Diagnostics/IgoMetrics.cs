using System.Diagnostics;
using System.Diagnostics.Metrics;
using Igo.Domain;

namespace Igo.Data.Diagnostics;

/// <summary>
/// Every instrument of the <c>Igo</c> meter, named after the OpenTelemetry conventions (dotted lower-case names, UCUM
/// units, <c>{thing}</c> for counts; a Prometheus exporter turns <c>igo.actions</c> into <c>igo_actions_total</c>).
/// One per app instance: made by the host's <see cref="IMeterFactory"/>, so a test can listen to one instance alone.
/// Values are per instance; add them up across instances (games split across two instances count in both).
/// </summary>
public sealed class IgoMetrics : IDisposable
{
    public const string MeterName = "Igo";

    private static readonly double[] SecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly long[] BatchBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096];
    private static readonly string[] ActionNames = [.. Enum.GetValues<ActionType>().Select(SnakeCase)];

    private readonly Meter meter;
    private readonly bool ownsMeter;
    private readonly UpDownCounter<long> activeGames;
    private readonly UpDownCounter<long> connectedPlayers;
    private readonly Counter<long> actions;
    private readonly Histogram<double> actionDuration;
    private readonly Counter<long> rejectedInputs;
    private readonly Histogram<long> commitBatchSize;
    private readonly Histogram<double> commitDuration;
    private readonly Histogram<long> notifyBatchSize;
    private readonly Histogram<double> notifyLag;
    private readonly Counter<long> listenerReconnects;

    /// <param name="meterFactory">The host's factory; without one (a bare service collection) the meter is this object's own.</param>
    public IgoMetrics(IMeterFactory? meterFactory = null)
    {
        ownsMeter = meterFactory is null;
        meter = meterFactory?.Create(new MeterOptions(MeterName)) ?? new Meter(MeterName);
        activeGames = meter.CreateUpDownCounter<long>(
            "igo.active_games", "{game}", "Games held in memory on this instance (a connection here holds one of their keys)");
        connectedPlayers = meter.CreateUpDownCounter<long>(
            "igo.connected_players", "{player}", "Player keys held by connections on this instance, by igo.connection.kind (circuit, socket, computer)");
        actions = meter.CreateCounter<long>(
            "igo.actions", "{action}", "Game actions handled, by igo.action.type and igo.action.outcome (accepted, rule_violation, not_permitted, preempted, refused)");
        actionDuration = meter.CreateHistogram(
            "igo.action.duration", "s", "From a player's action reaching its game to the answer (queue, rules, durable commit)",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        rejectedInputs = meter.CreateCounter<long>(
            "igo.inputs.rejected", "{input}", "Client input refused before it reached a game, by igo.rejection.reason");
        commitBatchSize = meter.CreateHistogram(
            "igo.store.commit.batch_size", "{action}", "Writes (actions, new games, keys taken and released) committed together in one group-commit transaction",
            tags: null, advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = BatchBuckets });
        commitDuration = meter.CreateHistogram(
            "igo.store.commit.duration", "s", "One group-commit transaction, from taking its writes off the queue to their results (the durable commit included); every write in it waited this long, after waiting for the transaction before it",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        notifyBatchSize = meter.CreateHistogram(
            "igo.events.notify.batch_size", "{event}", "Events sent in one NOTIFY round trip",
            tags: null, advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = BatchBuckets });
        notifyLag = meter.CreateHistogram(
            "igo.events.notify.lag", "s", "From an action's server time stamp to its arrival through LISTEN here, by igo.event.origin (self, other: includes clock skew)",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        listenerReconnects = meter.CreateCounter<long>(
            "igo.events.listener.reconnects", "{reconnect}", "Times the LISTEN connection was established again after it was lost");
    }

    public void GameOpened() => activeGames.Add(1);

    public void GameClosed() => activeGames.Add(-1);

    /// <param name="kind">circuit, socket or computer.</param>
    public void PlayerConnected(string kind) => connectedPlayers.Add(1, new KeyValuePair<string, object?>("igo.connection.kind", kind));

    public void PlayerDisconnected(string kind) => connectedPlayers.Add(-1, new KeyValuePair<string, object?>("igo.connection.kind", kind));

    /// <param name="outcome">accepted, rule_violation, not_permitted, preempted or refused.</param>
    public void ActionHandled(ActionType type, string outcome, TimeSpan elapsed)
    {
        var index = (int)type;
        var typeName = index >= 0 && index < ActionNames.Length ? ActionNames[index] : "other";
        var tags = new TagList { { "igo.action.type", typeName }, { "igo.action.outcome", outcome } };
        actions.Add(1, tags);
        actionDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <param name="reason">A short snake_case reason, such as malformed, flooding, too_large, bad_coordinates.</param>
    public void InputRejected(string reason) => rejectedInputs.Add(1, new KeyValuePair<string, object?>("igo.rejection.reason", reason));

    /// <summary>A group commit ended (committed or failed) after <paramref name="elapsed"/>.</summary>
    public void CommitBatch(int writeCount, TimeSpan elapsed)
    {
        commitBatchSize.Record(writeCount);
        commitDuration.Record(elapsed.TotalSeconds);
    }

    public void NotifyBatch(int eventCount) => notifyBatchSize.Record(eventCount);

    public void EventDelivered(TimeSpan lag, bool fromThisInstance) =>
        notifyLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("igo.event.origin", fromThisInstance ? "self" : "other"));

    public void ListenerReconnected() => listenerReconnects.Add(1);

    public void Dispose()
    {
        // A factory's meters are the factory's to dispose.
        if (ownsMeter)
        {
            meter.Dispose();
        }
    }

    private static string SnakeCase(ActionType type) =>
        string.Concat(type.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
