using System.Diagnostics;
using Igo.Data.Events;
using Igo.Data.Stores;
using Igo.Domain;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;

namespace Igo.Bench;

/// <summary>
/// Load generator for the coordinator on PostgreSQL (docs/BENCHMARKS.md, "Coordinator and store"):
/// actions per second through <see cref="IGameCoordinator"/> with 1, 50 and 200 games played at once, and the latency
/// from a commit on one instance to the event at a subscriber on another. Bounded in time; talks only to the given database.
/// <c>dotnet run -c Release --project Igo.Bench -- coordinator "Host=127.0.0.1;Port=...;Database=...;Username=...;Password=..." [seconds]</c>
/// </summary>
internal static class CoordinatorLoad
{
    public static async Task RunAsync(string connectionString, TimeSpan duration)
    {
        var moves = LegalGame(size: 19, length: 200, seed: 7);
        await using var a = await BenchInstance.StartAsync(connectionString);
        await using var b = await BenchInstance.StartAsync(connectionString);

        Console.WriteLine("| games at once | actions committed | actions/s | actions per transaction | events per NOTIFY round trip |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var games in new[] { 1, 50, 200 })
        {
            var writer = a.Services.GetRequiredService<ActionWriter>().Committed;
            var bus = a.Services.GetRequiredService<PostgresGameEventBus>().Sent;
            var (actions, elapsed) = await ThroughputAsync(a, games, moves, duration);
            var writerAfter = a.Services.GetRequiredService<ActionWriter>().Committed;
            var busAfter = a.Services.GetRequiredService<PostgresGameEventBus>().Sent;
            Console.WriteLine(
                $"| {games} | {actions:N0} | {actions / elapsed.TotalSeconds:N0} | {Ratio(writerAfter.Actions - writer.Actions, writerAfter.Transactions - writer.Transactions)} | {Ratio(busAfter.Events - bus.Events, busAfter.RoundTrips - bus.RoundTrips)} |");
        }

        foreach (var games in new[] { 1, 20 })
        {
            var latencies = await LatencyAsync(a, b, games, moves, duration);
            latencies.Sort();
            Console.WriteLine(
                $"commit on A -> observer on B, {games} games ping-ponging: n={latencies.Count:N0} p50={Percentile(latencies, 0.50):F2} ms p99={Percentile(latencies, 0.99):F2} ms max={latencies[^1]:F2} ms");
        }
    }

    /// <summary>Every game is played by two connections on one instance, each game as fast as its commits allow.</summary>
    private static async Task<(long Actions, TimeSpan Elapsed)> ThroughputAsync(BenchInstance host, int games, IReadOnlyList<GameAction> moves, TimeSpan duration)
    {
        var coordinator = host.Services.GetRequiredService<IGameCoordinator>();
        var stop = Stopwatch.StartNew();
        long actions = 0;
        await Task.WhenAll(Enumerable.Range(0, games).Select(async g =>
        {
            while (stop.Elapsed < duration)
            {
                var (black, white) = await PairAsync(coordinator, coordinator, $"t{games}-{g}");
                foreach (var move in moves)
                {
                    if (stop.Elapsed >= duration)
                    {
                        break;
                    }

                    var reply = await (move.Player == Color.Black ? black : white).ActAsync(move.Type, move.Point);
                    if (!reply.Success)
                    {
                        throw new InvalidOperationException($"A scripted move was refused: {reply}");
                    }

                    Interlocked.Increment(ref actions);
                }

                await black.DisposeAsync();
                await white.DisposeAsync();
            }
        }));
        return (actions, stop.Elapsed);
    }

    /// <summary>Black on A and white on B take turns; each waits to see the other's move through its own instance.</summary>
    private static async Task<List<double>> LatencyAsync(BenchInstance a, BenchInstance b, int games, IReadOnlyList<GameAction> moves, TimeSpan duration)
    {
        var samples = new List<double>();
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, games).Select(async g =>
        {
            while (stop.Elapsed < duration)
            {
                var (black, white) = await PairAsync(a.Services.GetRequiredService<IGameCoordinator>(), b.Services.GetRequiredService<IGameCoordinator>(), $"l{games}-{g}");
                var onB = new ArrivalObserver();
                using var subscription = white.Subscribe(onB);
                var onA = new ArrivalObserver();
                using var subscriptionA = black.Subscribe(onA);
                foreach (var move in moves)
                {
                    if (stop.Elapsed >= duration)
                    {
                        break;
                    }

                    var (mover, watcher) = move.Player == Color.Black ? (black, onB) : (white, onA);
                    var reply = await mover.ActAsync(move.Type, move.Point);
                    var committed = Stopwatch.GetTimestamp();
                    if (!reply.Success)
                    {
                        throw new InvalidOperationException($"A scripted move was refused: {reply}");
                    }

                    var arrived = await watcher.ArrivalAsync(mover.Snapshot.View.Version);
                    if (move.Player == Color.Black)
                    {
                        lock (samples)
                        {
                            samples.Add(Stopwatch.GetElapsedTime(committed, arrived).TotalMilliseconds * (arrived >= committed ? 1 : -1));
                        }
                    }
                }

                await black.DisposeAsync();
                await white.DisposeAsync();
            }
        }));
        return samples;
    }

    private static async Task<(IGameSeat Black, IGameSeat White)> PairAsync(IGameCoordinator blackSide, IGameCoordinator whiteSide, string name)
    {
        var created = await blackSide.CreateGameAsync(new NewGameRequest(19, Ruleset.Japanese(), Color.Black, OpponentKind.Human), new SeatHolder(ConnectionKind.Socket, name + "-b"));
        var black = created.Seat ?? throw new InvalidOperationException(created.ToString());
        var joined = await whiteSide.JoinGameAsync(black.Keys.White, null, new SeatHolder(ConnectionKind.Socket, name + "-w"));
        return (black, joined.Seat ?? throw new InvalidOperationException(joined.ToString()));
    }

    /// <summary>A legal sequence of stone placements, found once with a seeded random player and replayed in every game.</summary>
    private static List<GameAction> LegalGame(int size, int length, int seed)
    {
        var random = new Random(seed);
        var game = Game.Create(size, Ruleset.Japanese());
        while (game.Version < length)
        {
            var legal = game.LegalMoves().ToList();
            var action = new GameAction(ActionType.PlaceStone, game.Turn, legal[random.Next(legal.Count)], DateTimeOffset.UnixEpoch);
            if (!game.Apply(action).Accepted)
            {
                throw new InvalidOperationException("LegalMoves offered an illegal move");
            }
        }

        return [.. game.Actions];
    }

    private static string Ratio(long numerator, long denominator) => denominator == 0 ? "-" : $"{(double)numerator / denominator:F1}";

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private sealed class ArrivalObserver : IGameObserver
    {
        private readonly Dictionary<int, TaskCompletionSource<long>> arrivals = [];

        public Task<long> ArrivalAsync(int version) => Slot(version).Task.WaitAsync(TimeSpan.FromSeconds(30));

        public Task OnGameChangedAsync(GameSnapshot snapshot)
        {
            Slot(snapshot.View.Version).TrySetResult(Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        }

        public Task OnChatAsync(ChatMessage message) => Task.CompletedTask;

        public Task OnPresenceAsync(Color color, bool connected) => Task.CompletedTask;

        private TaskCompletionSource<long> Slot(int version)
        {
            lock (arrivals)
            {
                if (!arrivals.TryGetValue(version, out var slot))
                {
                    slot = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                    arrivals[version] = slot;
                }

                return slot;
            }
        }
    }
}
