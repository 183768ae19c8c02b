using System.Text.Json;

namespace Igo.Bench.Blazor;

/// <summary>
/// The headless spectators of <c>blazor-watch --headless</c> in a process of their own, which the benchmark starts
/// under <c>nice -n 19</c> (<see cref="SpectatorProcess"/>), so that on a machine shared with the app they take only
/// the CPU the app and the players' browser leave: the players' figures are then the server's, not the clients'.
/// It reads one command a line on its standard input and answers each with one line of JSON:
/// <c>open N</c> opens N more spectators of the watch page; <c>report {moves, start, end}</c> gives the spectators'
/// latencies for those moves and what they received between start and end; end of input closes them all.
/// <code>dotnet Igo.Bench.dll blazor-spectators http://127.0.0.1:PORT/ /watch/ID</code>
/// </summary>
public static class SpectatorClients
{
    public static async Task<int> RunAsync(string[] args)
    {
        var baseAddress = new Uri(args[0]);
        var watchPath = args[1];
        await using var spectators = new HeadlessSpectators();
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("open ", StringComparison.Ordinal))
            {
                await spectators.OpenAsync(baseAddress, watchPath, int.Parse(line[5..], System.Globalization.CultureInfo.InvariantCulture));
                await Answer(new SpectatorsOpened(spectators.Count, spectators.Failed));
            }
            else if (line.StartsWith("report ", StringComparison.Ordinal))
            {
                var request = JsonSerializer.Deserialize<SpectatorReportRequest>(line[7..])!;
                var (latencies, missed) = spectators.LatenciesOf(request.Moves.Select(m => (m.Colour, m.Point, m.At)));
                await Answer(new SpectatorReport(latencies, missed, spectators.Failed, spectators.TrafficBetween(request.Start, request.End)));
            }
        }

        return 0;
    }

    private static async Task Answer<T>(T answer)
    {
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(answer));
        await Console.Out.FlushAsync();
    }
}

internal sealed record SpectatorsOpened(int Count, int Failed);

internal sealed record MadeMove(string Colour, string Point, double At);

internal sealed record SpectatorReportRequest(IReadOnlyList<MadeMove> Moves, double Start, double End);

internal sealed record SpectatorReport(List<double> Latencies, int Missed, int Failed, SpectatorTraffic Traffic);
