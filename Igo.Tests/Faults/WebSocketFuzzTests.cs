using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using Igo.Testing.Processes;
using Igo.Testing.Sockets;

namespace Igo.Tests.Faults;

[Collection(SerialFaults.Name)]
[Trait("Category", "Faults")]
public sealed class WebSocketFuzzTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const int Seed = 20261128;
    private const int Sockets = 4;
    private const int FramesPerSocket = 600;

    private static readonly string[] Leaks = ["Exception", "   at ", "Npgsql", "SELECT ", "INSERT ", "System.", "stack"];

    private readonly TwoInstances cluster = new();

    public ValueTask InitializeAsync() => cluster.InitializeAsync();

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task Thousands_of_hostile_frames_leave_the_server_up_leak_nothing_and_do_not_disturb_an_honest_game()
    {
        Uri[] instances = [cluster.A.WebSocketUri, cluster.B.WebSocketUri];
        var before = WorkingSet(cluster.A);
        var honest = await TwoPlayerGame.StartAsync(instances, blackOn: 0, whiteOn: 0);
        try
        {
            var fuzzers = Enumerable.Range(0, Sockets).Select(i => FuzzAsync(cluster.A.WebSocketUri, new Random(Seed + i))).ToList();
            await honest.PlayAsync(12, TimeSpan.FromSeconds(30));
            var results = await Task.WhenAll(fuzzers);

            var answers = results.Sum(r => r.Answers);
            var closes = results.Sum(r => r.Closes);
            var after = WorkingSet(cluster.A);
            log.WriteLine($"{Sockets * FramesPerSocket} frames, {answers} answers, {closes} closes by the server; working set {before / 1048576} MiB -> {after / 1048576} MiB");

            Assert.False(cluster.A.HasExited);
            Assert.Empty(results.SelectMany(r => r.Leaked));
            Assert.True(answers + closes > 0);
            Assert.True(after < before + (256L << 20), $"working set grew from {before} to {after}");
            Assert.Equal(honest.ExpectedBoard(), honest.Black.Board);
            Assert.Equal(honest.ExpectedBoard(), honest.White.Board);
            honest.GameId = await cluster.Store.GameIdAsync(honest.Black.Key);
            honest.AssertStoreHoldsExactly(await cluster.Store.ActionsAsync(honest.GameId));
        }
        finally
        {
            await honest.DisposeAsync();
        }
    }

    private static long WorkingSet(AppProcess app)
    {
        using var process = Process.GetProcessById(app.ProcessId);
        return process.WorkingSet64;
    }

    private static async Task<FuzzResult> FuzzAsync(Uri uri, Random random)
    {
        var result = new FuzzResult();
        var socket = await ProtocolClient.ConnectAsync(uri, TestContext.Current.CancellationToken);
        for (var i = 0; i < FramesPerSocket; i++)
        {
            if (socket.Closed.IsCompleted)
            {
                result.Closes++;
                await socket.DisposeAsync();
                socket = await ProtocolClient.ConnectAsync(uri, TestContext.Current.CancellationToken);
            }

            try
            {
                if (random.Next(10) == 0)
                {
                    await socket.SendBinaryAsync(RandomBytes(random));
                }
                else
                {
                    await socket.SendAsync(Frame(random));
                }
            }
            catch (WebSocketException)
            {
                continue;
            }

            // Sometimes the fuzzer lets the answers catch up with its frames rather than outrunning them.
            if (random.Next(4) == 0)
            {
                await CatchUpAsync(socket, result, i);
            }
            else
            {
                await DrainAsync(socket, result);
            }
        }

        await CatchUpAsync(socket, result, FramesPerSocket);
        await socket.DisposeAsync();
        return result;
    }

    /// <summary>Takes the answers that have arrived, without waiting for more.</summary>
    private static async Task DrainAsync(ProtocolClient socket, FuzzResult result)
    {
        while (true)
        {
            try
            {
                Count(await socket.ReceiveAsync(TimeSpan.FromMilliseconds(1)), result);
            }
            catch (Exception ended) when (ended is TimeoutException or InvalidOperationException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Sends a frame whose answer names it (an action with a key nobody holds), and takes every answer up to that one:
    /// a socket's frames are answered in order, so by then every frame sent before it has been answered. A socket the
    /// server has closed has nothing more to say.
    /// </summary>
    private static async Task CatchUpAsync(ProtocolClient socket, FuzzResult result, int mark)
    {
        var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"zz{mark:D8}");
        try
        {
            await socket.SendAsync(new { type = "game_action", key, action_type = "pass_turn" });
            while (true)
            {
                var received = await socket.ReceiveAsync();
                if (received.Raw.Contains(key, StringComparison.Ordinal))
                {
                    return;
                }

                Count(received, result);
            }
        }
        catch (Exception closed) when (closed is WebSocketException or InvalidOperationException)
        {
        }
    }

    private static void Count(Received received, FuzzResult result)
    {
        result.Answers++;
        if (Leaks.Any(leak => received.Raw.Contains(leak, StringComparison.Ordinal)))
        {
            result.Leaked.Add(received.Raw);
        }
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 512)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Frame(Random random) => random.Next(12) switch
    {
        0 => "{\"type\":\"new_game\"",
        1 => new string('[', random.Next(10, 5000)),
        2 => "{\"type\":\"join_game\",\"key\":" + new string('9', random.Next(20, 400)) + "}",
        3 => "{\"type\":\"game_action\",\"key\":\"" + RandomText(random, 10) + "\",\"action_type\":\"place_stone\",\"coords\":[1e308,-1]}",
        4 => "{\"type\":\"chat_message\",\"key\":\"abc\",\"message\":\"" + new string('x', random.Next(1000, 60_000)) + "\"}",
        5 => "{\"type\":" + random.Next() + ",\"vs\":[],\"color\":{},\"size\":\"19\",\"komi\":null}",
        6 => "{\"type\":\"new_game\",\"vs\":\"human\",\"color\":\"black\",\"size\":" + random.Next(-5, 40) + ",\"komi\":" + (random.NextDouble() * 1e6) + ",\"extra\":{\"a\":[1,2,{\"b\":null}]}}",
        7 => Mutate(random, "{\"type\":\"game_action\",\"key\":\"a8Xk2LmQ0z\",\"action_type\":\"pass_turn\"}"),
        8 => Mutate(random, "{\"type\":\"join_game\",\"key\":\"a8Xk2LmQ0z\",\"ai_secret\":\"s\"}"),
        9 => "\"" + RandomText(random, random.Next(0, 3000)) + "\"",
        10 => "{\"type\":\"chat_message\",\"key\":\"\\u0000\",\"message\":\"<script>alert(1)</script>\\ud800\"}",
        _ => RandomText(random, random.Next(0, 200)),
    };

    private static string Mutate(Random random, string valid)
    {
        var text = new StringBuilder(valid);
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(3))
            {
                case 0:
                    text.Remove(at, 1);
                    break;
                case 1:
                    text.Insert(at, (char)random.Next(32, 127));
                    break;
                default:
                    text[at] = (char)random.Next(0, 0x3000);
                    break;
            }
        }

        return text.ToString();
    }

    private static string RandomText(Random random, int length)
    {
        var text = new char[length];
        for (var i = 0; i < length; i++)
        {
            text[i] = (char)random.Next(32, 0x2FFF);
        }

        return new string(text);
    }

    private sealed class FuzzResult
    {
        public int Answers { get; set; }

        public int Closes { get; set; }

        public List<string> Leaked { get; } = [];
    }
}
