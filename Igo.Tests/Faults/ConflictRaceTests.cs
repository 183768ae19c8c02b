using System.Text.Json;

namespace Igo.Tests.Faults;

[Collection(SerialFaults.Name)]
[Trait("Category", "Faults")]
public sealed class ConflictRaceTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const int Games = 20;
    private static readonly TimeSpan ReconnectTimeout = TimeSpan.FromSeconds(30);

    private readonly TwoInstances cluster = new();

    public ValueTask InitializeAsync() => cluster.InitializeAsync();

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task Of_two_conflicting_actions_sent_at_once_to_two_instances_exactly_one_wins_and_clients_and_store_agree()
    {
        Uri[] instances = [cluster.A.WebSocketUri, cluster.B.WebSocketUri];
        var games = new List<TwoPlayerGame>();
        try
        {
            games.AddRange(await Task.WhenAll(Enumerable.Range(0, Games).Select(i => TwoPlayerGame.StartAsync(instances, blackOn: i % 2, whiteOn: 1 - (i % 2)))));

            // Both instances have each game live, and it is black's turn. Black is on A in even games and on B in odd
            // ones, so that whichever instance is quicker, each colour wins some races and loses others.
            await Task.WhenAll(games.Select(game => game.PlayAsync(2, ReconnectTimeout)));

            // Pairs that cannot both succeed: two resignations; black's draw request (its turn) against white's
            // resignation (a resignation is not allowed while a request is pending, and nothing is once complete).
            string BlackAction(int game) => game % 2 == 0 ? "resign" : "request_draw";
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            async Task SendOnGo(FrontendLikeClient player, string action)
            {
                await go.Task;
                await player.SendActionAsync(action);
            }

            // Every other game sends white's first, so that each side wins some races and loses others.
            var sends = games.SelectMany((game, index) => index % 4 < 2
                ? new[] { SendOnGo(game.Black, BlackAction(index)), SendOnGo(game.White, "resign") }
                : new[] { SendOnGo(game.White, "resign"), SendOnGo(game.Black, BlackAction(index)) }).ToList();
            go.SetResult();
            await Task.WhenAll(sends);

            var blackWins = 0;
            for (var index = 0; index < Games; index++)
            {
                var game = games[index];
                var black = await game.Black.AnswerAsync();
                var white = await game.White.AnswerAsync();
                Assert.True(black.Success ^ white.Success, $"game {index}: black {black}, white {white}");
                blackWins += black.Success ? 1 : 0;

                var (status, resultType, winner) = (black.Success, BlackAction(index)) switch
                {
                    (true, "resign") => ("complete", "resignation", "white"),
                    (true, _) => ("request_pending", null, null),
                    (false, _) => ("complete", "resignation", "black"),
                };

                bool IsFinal(JsonElement shown) => shown.GetProperty("status").GetString() == status;
                var why = $"game {index}: black {BlackAction(index)} -> {black}, white resign -> {white}, expected {status}";
                await WithContext(why, () => game.Black.WaitForStatusAsync(IsFinal));
                await WithContext(why, () => game.White.WaitForStatusAsync(IsFinal));
                Assert.Equal(game.Black.LastStatus.GetRawText().Split("\"timePlayed\"")[0], game.White.LastStatus.GetRawText().Split("\"timePlayed\"")[0]);
                Assert.Equal(winner, Winner(game.Black.LastStatus));

                var stored = await cluster.Store.GameAsync(await cluster.Store.GameIdAsync(game.Black.Key));
                Assert.Equal(Normalized(status), Normalized(stored.Status));
                Assert.Equal(Normalized(resultType), Normalized(stored.ResultType));
                Assert.Equal(winner, stored.Winner?.ToLowerInvariant());
                Assert.Equal(3, stored.Version);
            }

            log.WriteLine($"{Games} races across two instances: black's action won {blackWins}, white's {Games - blackWins}");
        }
        finally
        {
            foreach (var game in games)
            {
                await game.DisposeAsync();
            }
        }
    }

    private static async Task WithContext(string context, Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{context}: {timeout.Message}", timeout);
        }
    }

    private static string? Winner(JsonElement status) =>
        status.GetProperty("result") is { ValueKind: JsonValueKind.Object } result ? result.GetProperty("winner").GetString() : null;

    private static string? Normalized(string? text) => text?.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
