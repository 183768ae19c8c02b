using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Igo.Data.Diagnostics;
using Igo.Testing.Waiting;
using Microsoft.Extensions.DependencyInjection;

namespace Igo.Tests.Operations;

/// <summary>One measurement of an Igo instrument, with its attributes as strings.</summary>
public sealed record Recorded(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags);

/// <summary>
/// Listens to the <c>Igo</c> meter of one app instance (its own <see cref="IMeterFactory"/>), so that tests running in
/// parallel, or two instances in one test, never see each other's measurements. Start it before the app records.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<Recorded> recorded = new();

    public MetricRecorder(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IgoMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.Start();

        // Instruments exist once the metrics object does; resolving it here publishes them to the listener now.
        _ = services.GetRequiredService<IgoMetrics>();
    }

    public IReadOnlyList<Recorded> Of(string instrument, params (string Key, string Value)[] tags) =>
        [.. recorded.Where(r => r.Instrument == instrument && tags.All(t => r.Tags.TryGetValue(t.Key, out var v) && v == t.Value))];

    public double Sum(string instrument, params (string Key, string Value)[] tags) => Of(instrument, tags).Sum(r => r.Value);

    /// <summary>Waits until the condition holds (measurements are recorded on other threads), failing after the timeout.</summary>
    public Task WaitUntilAsync(Func<MetricRecorder, bool> condition, string what, TimeSpan? timeout = null) =>
        Eventually.HoldsAsync(() => condition(this), TestContext.Current.CancellationToken, timeout, what);

    public void Dispose() => listener.Dispose();

    private void Add<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copy = new Dictionary<string, string?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }

        recorded.Enqueue(new Recorded(instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
    }
}
