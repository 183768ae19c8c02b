using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using Igo.Testing.Sockets;

namespace Igo.Bench.Compat;

/// <summary>
/// Load generator for the /websocket endpoint (issue 4): N concurrent games, each with two sockets playing a fixed legal
/// game (new_game, join_game, alternating place_stone moves that never capture, two passes). Reports actions per second
/// (new_game, join_game and every game_action count) and p50/p95/p99 of the mover's response and of the opponent's
/// game_status. With two URLs, black plays on the first instance and white on the second.
/// <code>dotnet run -c Release --project Igo.Bench -- compat-load --url ws://127.0.0.1:8888/websocket [--url ws://…] --games 1,50,200,1000 --moves 40</code>
/// Each player waits for its answers, which the endpoint never limits; as every socket comes from one address, the server
/// must allow the sockets (Compat__MaxConnectionsPerAddress).
/// </summary>
public static class CompatLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var urls = Options.Values(args, "--url").Select(u => new Uri(u)).ToArray();
        if (urls.Length == 0)
        {
            urls = [new Uri("ws://127.0.0.1:8888/websocket")];
        }

        var gameCounts = (Options.Values(args, "--games").FirstOrDefault() ?? "1,50,200").Split(',').Select(int.Parse).ToArray();
        var moves = Options.Int(args, "--moves", 40);
        var meter = CpuMeter.FromArgs(args);
        Console.WriteLine("| games | instances | actions | seconds | actions/s | response p50/p95/p99 ms | opponent game_status p50/p95/p99 ms | failures | CPU ms/action: app / PostgreSQL / generator |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | --- |");
        foreach (var games in gameCounts)
        {
            var before = meter.Sample();
            var result = await RunRoundAsync(urls, games, moves);
            var cpu = meter.Sample() - before;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {games} | {urls.Length} | {result.Actions} | {result.Seconds:F2} | {result.Actions / result.Seconds:F0} | {Percentiles(result.Responses)} | {Percentiles(result.Pushes)} | {result.Failures} | {cpu.App * 1000 / result.Actions:F2} / {cpu.Postgres * 1000 / result.Actions:F2} / {cpu.Generator * 1000 / result.Actions:F2} |"));
        }

        return 0;
    }

    private static async Task<RoundResult> RunRoundAsync(Uri[] urls, int games, int moves)
    {
        var players = new List<(ProtocolClient Black, ProtocolClient White)>(games);
        for (var i = 0; i < games; i++)
        {
            players.Add((await ConnectAsync(urls[0]), await ConnectAsync(urls[^1])));
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = players.Select(p => PlayGameAsync(p.Black, p.White, moves, start.Task)).ToArray();
        var clock = Stopwatch.StartNew();
        start.SetResult();
        var results = await Task.WhenAll(runs);
        var seconds = clock.Elapsed.TotalSeconds;

        foreach (var (black, white) in players)
        {
            await black.DisposeAsync();
            await white.DisposeAsync();
        }

        return new RoundResult(
            results.Sum(r => r.Actions),
            seconds,
            [.. results.SelectMany(r => r.Responses).Order()],
            [.. results.SelectMany(r => r.Pushes).Order()],
            results.Sum(r => r.Failures));
    }

    /// <summary>A generator's socket: one round of a thousand games queues for a while, so a message is waited for 30 s.</summary>
    internal static Task<ProtocolClient> ConnectAsync(Uri url, Action<ClientWebSocketOptions>? configure = null) =>
        ProtocolClient.ConnectAsync(url, CancellationToken.None, configure, TimeSpan.FromSeconds(30));

    private static async Task<GameResult> PlayGameAsync(ProtocolClient black, ProtocolClient white, int moves, Task start)
    {
        await start;
        var result = new GameResult();
        try
        {
            await black.SendAsync("""{"type":"new_game","vs":"human","color":"black","size":19,"komi":6.5}""");
            var created = (await black.ExpectMessageAsync("new_game_response")).Raw;
            result.Actions++;
            await black.ExpectMessageAsync("game_status");
            await black.ExpectMessageAsync("chat");
            await black.ExpectMessageAsync("opponent_connected");
            var whiteKey = KeyOf(created, "white");
            var blackKey = KeyOf(created, "black");

            await white.SendAsync($$"""{"type":"join_game","key":"{{whiteKey}}"}""");
            await white.ExpectMessageAsync("join_game_response");
            result.Actions++;
            await white.ExpectMessageAsync("game_status");
            await white.ExpectMessageAsync("chat");
            await white.ExpectMessageAsync("opponent_connected");
            await black.ExpectMessageAsync("opponent_connected");

            for (var move = 0; move < moves + 2; move++)
            {
                var (mover, opponent, key) = move % 2 == 0 ? (black, white, blackKey) : (white, black, whiteKey);
                var action = move < moves
                    ? PlaceStone(key, move)
                    : $$"""{"type":"game_action","key":"{{key}}","action_type":"pass_turn"}""";
                var sent = Stopwatch.GetTimestamp();
                await mover.SendAsync(action);
                var pushed = opponent.ExpectMessageAsync("game_status");
                var response = (await mover.ExpectMessageAsync("game_action_response")).Raw;
                result.Responses.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (!response.Contains("\"success\":true", StringComparison.Ordinal))
                {
                    result.Failures++;
                }

                await pushed;
                result.Pushes.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                await mover.ExpectMessageAsync("game_status");
                result.Actions++;
            }
        }
        catch (Exception failure) when (failure is TimeoutException or UnexpectedMessageException or OperationCanceledException or WebSocketException or InvalidOperationException)
        {
            result.Failures++;
        }

        return result;
    }

    /// <summary>Black plays columns 0, 4, 8, …; white columns 2, 6, 10, …: groups never touch, so nothing is ever captured.</summary>
    internal static string PlaceStone(string key, int move)
    {
        var ownMove = move / 2;
        var column = ((ownMove / 19) * 4) + (move % 2 == 0 ? 0 : 2);
        var row = ownMove % 19;
        return $$"""{"type":"game_action","key":"{{key}}","action_type":"place_stone","coords":[{{row}},{{column}}]}""";
    }

    internal static string KeyOf(string response, string color)
    {
        var marker = $"\"{color}\":\"";
        var start = response.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return response.Substring(start, 10);
    }

    private static string Percentiles(double[] sorted) => sorted.Length == 0
        ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{At(sorted, 0.50):F1} / {At(sorted, 0.95):F1} / {At(sorted, 0.99):F1}");

    private static double At(double[] sorted, double quantile) => sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))];

    private sealed record RoundResult(int Actions, double Seconds, double[] Responses, double[] Pushes, int Failures);

    private sealed class GameResult
    {
        public int Actions { get; set; }

        public List<double> Responses { get; } = [];

        public List<double> Pushes { get; } = [];

        public int Failures { get; set; }
    }
}
