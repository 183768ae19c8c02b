using System.Text.Json;
using Igo.Testing.Sockets;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Igo.Tests.Compat;

/// <summary>
/// A computer opponent's secret (docs/PROTOCOL.md §4: stored server side, never sent to the browser) does not leave the
/// server: a whole game against the computer through /websocket (create, moves, a drop and rejoin, resignation) and the
/// Blazor page of that game are searched for the secret, read from the store behind the app's back.
/// </summary>
[Trait("Category", "Compat")]
public sealed class AiSecretTests(PostgresCompatApp fixture) : IClassFixture<PostgresCompatApp>
{
    private static readonly Dictionary<string, string?> FastComputer = new()
    {
        ["Computer:GnuGoCommand"] = string.Empty,
        ["Computer:Threads"] = "1",
        ["Computer:BuiltInPlayouts"] = "50",
    };

    // Points black tries in turn; one the computer took is refused and the next is tried.
    private static readonly (int Row, int Col)[] BlackPoints = [(2, 2), (6, 6), (2, 6), (6, 2), (4, 4), (3, 5), (5, 3), (4, 2), (2, 4), (6, 4), (4, 6), (3, 3)];

    private readonly List<string> frames = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_computer_players_secret_is_in_no_frame_of_a_whole_game_nor_in_the_game_page()
    {
        await using var app = PostgresCompatApp.StartInstance(fixture.ConnectionString, FastComputer);
        var human = await ProtocolClient.ConnectAsync(app.WebSocketUri(), TestContext.Current.CancellationToken);
        await human.SendAsync(Wire.NewGame("black", 9, vs: "computer"));
        var created = await NextAsync(human, "new_game_response");
        var humanKey = created.Key("black");
        var computerKey = created.Key("white");
        await NextAsync(human, "opponent_connected", d => d.Flag("opponentConnected"));

        var next = 0;
        next = await PlayAgainstComputerAsync(human, humanKey, next, moves: 3);

        // A drop and a rejoin: the rejoin's four messages are searched too.
        await human.DisposeAsync();
        human = await ProtocolClient.ConnectAsync(app.WebSocketUri(), TestContext.Current.CancellationToken);
        await human.SendAsync(Wire.Join(humanKey));
        Assert.True((await NextAsync(human, "join_game_response")).Flag("success"));
        await NextAsync(human, "opponent_connected", d => d.Flag("opponentConnected"));
        next = await PlayAgainstComputerAsync(human, humanKey, next, moves: 3);

        await human.SendAsync(Wire.Chat(humanKey, "good game"));
        await NextAsync(human, "chat");
        await human.SendAsync(Wire.Action(humanKey, "resign"));
        await NextAsync(human, "game_status", s => s.Text("status") == "complete");
        await human.DisposeAsync();

        var secret = await SecretOfAsync(computerKey);
        Assert.Matches("^[0-9A-Za-z]{10}$", secret);

        // The search can see what is there: the human's own key is in the frames, the secret is not.
        Assert.Contains(frames, frame => frame.Contains(humanKey, StringComparison.Ordinal));
        Assert.Contains(frames, frame => frame.Contains("game_status", StringComparison.Ordinal));
        Assert.DoesNotContain(frames, frame => frame.Contains(secret, StringComparison.Ordinal));

        // The Blazor side renders only what a circuit's seat gives it: the snapshot and the chat thread, whole, hold
        // the human's key but not the secret. And the game pages as first rendered on the server do not hold it either.
        var coordinator = app.Services.GetRequiredService<IGameCoordinator>();
        var joined = await coordinator.JoinGameAsync(humanKey, null, new SeatHolder(ConnectionKind.Circuit, "secret-test-circuit"), Cancel);
        await using (var seat = joined.Seat ?? throw new InvalidOperationException($"the circuit could not join: {joined}"))
        {
            var seen = JsonSerializer.Serialize(new { seat.Snapshot, Thread = await seat.ChatThreadAsync(Cancel), seat.Keys });
            Assert.Contains(humanKey, seen, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, seen, StringComparison.Ordinal);
        }

        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        foreach (var key in new[] { humanKey, computerKey })
        {
            var page = await http.GetStringAsync(new Uri($"/game/{key}", UriKind.Relative), Cancel);
            Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
        }
    }

    /// <summary>Black places stones; after each, the computer answers (a game_status with black to move again).</summary>
    private async Task<int> PlayAgainstComputerAsync(ProtocolClient human, string humanKey, int next, int moves)
    {
        for (var played = 0; played < moves; next++)
        {
            var (row, col) = BlackPoints[next];
            await human.SendAsync(Wire.Place(humanKey, row, col));
            if (!(await NextAsync(human, "game_action_response")).Flag("success"))
            {
                continue;
            }

            played++;
            await NextAsync(human, "game_status", s => s.Text("turn") == "black" && s.PointAt(row, col) != """["",false,false,""]""");
        }

        return next;
    }

    /// <summary>Reads messages until one of this type (matching) arrives, keeping every frame's text on the way.</summary>
    private async Task<JsonElement> NextAsync(ProtocolClient client, string messageType, Func<JsonElement, bool>? matches = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var received = await client.ReceiveAsync(deadline - DateTime.UtcNow);
            frames.Add(received.Raw);
            if (received.MessageType == messageType && (matches is null || matches(received.Data)))
            {
                return received.Data;
            }
        }
    }

    private async Task<string> SecretOfAsync(string computerKey)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand("SELECT computer_secret FROM player_keys WHERE key = @key", connection);
        command.Parameters.AddWithValue("key", computerKey);
        return (string)(await command.ExecuteScalarAsync(Cancel) ?? throw new InvalidOperationException("no computer secret stored"));
    }
}
