using System.Globalization;
using Igo.Testing.Circuits;

namespace Igo.Bench.Blazor;

/// <summary>
/// Spectators as headless circuits (Igo.Testing/Circuits), without a browser. Each keeps, of every render batch, only
/// the moment it arrived and the move it announced: the watch page's live announcement ("Black D4", "White C3,
/// captures 2"), a text in the batch's string table. A move's spectator latency is the player's click to the first
/// batch that announces it.
/// </summary>
internal sealed class HeadlessSpectators : IAsyncDisposable
{
    private readonly List<(HeadlessCircuit Circuit, List<(double At, string Move)> Seen, List<CircuitBatch> Batches)> spectators = [];

    public int Count => spectators.Count;

    /// <summary>Circuits that closed or failed (the server ended them, or they lost their connection).</summary>
    public int Failed => spectators.Count(s => s.Circuit.Failure is not null);

    public async Task OpenAsync(Uri baseAddress, string watchPath, int count, int atOnce = 8)
    {
        for (var opened = 0; opened < count; opened += atOnce)
        {
            var batch = Enumerable.Range(0, Math.Min(atOnce, count - opened)).Select(async _ =>
            {
                var seen = new List<(double At, string Move)>();
                var batches = new List<CircuitBatch>();
                var circuit = await HeadlessCircuit.OpenAsync(baseAddress, watchPath, keepBatches: false, CancellationToken.None);
                circuit.OnBatch = batch => Note(seen, batches, batch);
                return (circuit, seen, batches);
            });
            spectators.AddRange(await Task.WhenAll(batch));
        }
    }

    /// <summary>
    /// For each move (colour as "black" or "white", point, click time) and each spectator, the time from the click to
    /// the first batch at or after it that announced the move; moves a spectator never saw are counted as missed.
    /// </summary>
    public (List<double> Latencies, int Missed) LatenciesOf(IEnumerable<(string Colour, string Point, double At)> moves)
    {
        var latencies = new List<double>();
        var missed = 0;
        var list = moves.ToList();
        foreach (var (_, seen, _) in spectators)
        {
            (double At, string Move)[] copy;
            lock (seen)
            {
                copy = [.. seen];
            }

            foreach (var (colour, point, at) in list)
            {
                var announced = $"{CultureInfo.InvariantCulture.TextInfo.ToTitleCase(colour)} {point}";
                var first = copy.FirstOrDefault(s => s.At >= at && s.Move == announced);
                if (first.Move is null)
                {
                    missed++;
                }
                else
                {
                    latencies.Add(first.At - at);
                }
            }
        }

        latencies.Sort();
        return (latencies, missed);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (circuit, _, _) in spectators)
        {
            await circuit.DisposeAsync();
        }
    }

    /// <summary>What the spectators received between two moments (Unix milliseconds): batches, their bytes, and the components and edits in them.</summary>
    public SpectatorTraffic TrafficBetween(double start, double end)
    {
        var traffic = default(SpectatorTraffic);
        foreach (var (_, _, batches) in spectators)
        {
            lock (batches)
            {
                foreach (var batch in batches.Where(b => b.ReceivedAt >= start && b.ReceivedAt < end))
                {
                    traffic = new SpectatorTraffic(
                        traffic.Batches + 1, traffic.Bytes + batch.Bytes, traffic.Components + batch.Shape.Components, traffic.Edits + batch.Shape.Edits,
                        traffic.Frames + batch.Shape.ReferenceFrames, traffic.StringBytes + batch.Shape.StringBytes);
                }
            }
        }

        return traffic;
    }

    private static void Note(List<(double At, string Move)> seen, List<CircuitBatch> batches, CircuitBatch batch)
    {
        lock (batches)
        {
            // Only the shape is kept: the strings of every batch of 500 spectators would be the benchmark's own load.
            batches.Add(batch with { Strings = [] });
        }

        foreach (var text in batch.Strings)
        {
            if (text.StartsWith("Black ", StringComparison.Ordinal) || text.StartsWith("White ", StringComparison.Ordinal))
            {
                // "Black D4, captures 2" announces D4.
                var comma = text.IndexOf(',', StringComparison.Ordinal);
                lock (seen)
                {
                    seen.Add((batch.ReceivedAt, comma < 0 ? text : text[..comma]));
                }
            }
        }
    }
}

/// <summary>Render batches received by all the spectators over a time, with their bytes, components, edits, frames and string bytes.</summary>
internal readonly record struct SpectatorTraffic(long Batches, long Bytes, long Components, long Edits, long Frames, long StringBytes);
