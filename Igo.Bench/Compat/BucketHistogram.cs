using System.Globalization;

namespace Igo.Bench.Compat;

/// <summary>
/// One histogram of an instance's <c>/metrics</c> (Prometheus text): how many observations fell at or below each
/// bucket's upper bound, summed over the histogram's label sets (every action type and outcome) and over instances.
/// The difference of two readings is a window's; its quantiles are interpolated within a bucket, as Prometheus's
/// <c>histogram_quantile</c> does, so they are as fine as the buckets (docs/DEPLOYMENT.md, "Metrics").
/// </summary>
internal sealed class BucketHistogram
{
    private readonly SortedDictionary<double, double> atOrBelow;

    private BucketHistogram(SortedDictionary<double, double> atOrBelow) => this.atOrBelow = atOrBelow;

    public double Count => atOrBelow.Count == 0 ? 0 : atOrBelow.Values.Last();

    /// <summary>The histogram <paramref name="name"/> (e.g. <c>igo_action_duration_seconds</c>); null when the text has none.</summary>
    public static BucketHistogram? FromMetrics(string text, string name)
    {
        var prefix = name + "_bucket{";
        var buckets = new SortedDictionary<double, double>();
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var le = line.IndexOf("le=\"", StringComparison.Ordinal) + 4;
            var bound = line[le..line.IndexOf('"', le)];
            var upper = bound == "+Inf" ? double.PositiveInfinity : double.Parse(bound, CultureInfo.InvariantCulture);
            buckets[upper] = buckets.GetValueOrDefault(upper) + double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
        }

        return buckets.Count == 0 ? null : new BucketHistogram(buckets);
    }

    public static BucketHistogram operator +(BucketHistogram left, BucketHistogram right) => Combine(left, right, 1);

    public static BucketHistogram operator -(BucketHistogram after, BucketHistogram before) => Combine(after, before, -1);

    /// <summary>
    /// The value below which <paramref name="quantile"/> of the observations fell, in the histogram's unit; the last
    /// finite bound when it lies in the open top bucket; null without observations.
    /// </summary>
    public double? Quantile(double quantile)
    {
        var rank = quantile * Count;
        var (lower, below) = (0.0, 0.0);
        foreach (var (upper, count) in atOrBelow)
        {
            if (count >= rank && count > below)
            {
                return double.IsPositiveInfinity(upper) ? lower : lower + ((upper - lower) * (rank - below) / (count - below));
            }

            (lower, below) = (upper, count);
        }

        return null;
    }

    /// <summary>"21.7 / 44.9 / 83.5 ms (41,221)": p50, p90 and p99 of a histogram in seconds, and its count.</summary>
    public string DescribeSeconds() => Count == 0
        ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"{Quantile(0.50) * 1000:F1} / {Quantile(0.90) * 1000:F1} / {Quantile(0.99) * 1000:F1} ms ({Count:N0})");

    private static BucketHistogram Combine(BucketHistogram left, BucketHistogram right, int sign)
    {
        var buckets = new SortedDictionary<double, double>(left.atOrBelow);
        foreach (var (upper, count) in right.atOrBelow)
        {
            buckets[upper] = buckets.GetValueOrDefault(upper) + (sign * count);
        }

        return new BucketHistogram(buckets);
    }
}
