using System.Text.Json;
using Igo.Domain;
using Igo.Testing.Sockets;
using Igo.Tests.Infrastructure;

namespace Igo.Tests.Compat;

/// <summary>
/// Clients that wait for their answers, at full speed (issue 13): a 19x19 game of 150 moves a side, and a bot-against-bot
/// game played to its result. Nobody is dropped or slowed, and every action reaches each player as exactly one
/// game_status, in order. On the real coordinator, with each store, and no allowance to send ahead at all.
/// </summary>
public abstract class FullSpeedSuite
{
    private const int Size = 19;

    protected abstract AppOnRealPort App { get; }

    [Fact]
    public async Task A_client_waiting_for_each_answer_plays_150_moves_at_full_speed_and_is_never_dropped()
    {
        await using var black = await ProtocolClient.ConnectAsync(App.WebSocketUri(), TestContext.Current.CancellationToken);
        await using var white = await ProtocolClient.ConnectAsync(App.WebSocketUri(), TestContext.Current.CancellationToken);
        var keys = await SeatBothAsync(black, white);
        var blackMoves = MovesOf(Color.Black, 150);
        var whiteMoves = MovesOf(Color.White, 150);

        for (var i = 0; i < 150; i++)
        {
            await MoveAsync(black, keys.Key("black"), blackMoves[i], white);
            await MoveAsync(white, keys.Key("white"), whiteMoves[i], black);
        }

        await black.ExpectNothingAsync();
        await white.ExpectNothingAsync();
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, black.Socket.State);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, white.Socket.State);
        Assert.False(black.Closed.IsCompleted);
    }

    [Fact]
    public async Task Two_bots_playing_each_other_at_full_speed_finish_the_game()
    {
        await using var black = await ProtocolClient.ConnectAsync(App.WebSocketUri(), TestContext.Current.CancellationToken);
        await using var white = await ProtocolClient.ConnectAsync(App.WebSocketUri(), TestContext.Current.CancellationToken);
        var keys = await SeatBothAsync(black, white);

        // Black opens; from then on each bot acts as soon as a game_status says it is its turn.
        var blackMoves = MovesOf(Color.Black, 60);
        await black.SendAsync(Wire.Place(keys.Key("black"), blackMoves[0].Row, blackMoves[0].Col));
        var games = await Task.WhenAll(
            BotAsync(black, keys.Key("black"), "black", blackMoves, requestsTally: true, movesMade: 1),
            BotAsync(white, keys.Key("white"), "white", MovesOf(Color.White, 60), requestsTally: false, movesMade: 0));

        // 120 stones, two passes, the tally request and its acceptance: one status each, in order, for both players.
        StatusSeen[] expected =
        [
            .. Enumerable.Range(1, 120).Select(stones => new StatusSeen(stones, "play")),
            new(120, "play"),
            new(120, "endgame"),
            new(120, "request_pending"),
            new(120, "complete"),
        ];
        foreach (var statuses in games)
        {
            Assert.Equal(expected, statuses);
        }

        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, black.Socket.State);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, white.Socket.State);
    }

    /// <summary>Rows 0-7 for black and 11-18 for white, filled in order: no move ever captures or is refused.</summary>
    private static Point[] MovesOf(Color color, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Point((color == Color.Black ? 0 : 11) + (i / Size), i % Size))];

    private static async Task<JsonElement> SeatBothAsync(ProtocolClient black, ProtocolClient white)
    {
        var keys = await ProtocolSuite.CreateAsync(black, "black", Size);
        await white.SendAsync(Wire.Join(keys.Key("white")));
        Assert.True((await white.ExpectAsync("join_game_response")).Flag("success"));
        await white.ExpectAsync("game_status");
        await white.ExpectAsync("chat");
        await white.ExpectAsync("opponent_connected");
        Assert.True((await black.ExpectAsync("opponent_connected")).Flag("opponentConnected"));
        return keys;
    }

    /// <summary>One move, one message in flight: the answer, then the mover's and the opponent's one status each.</summary>
    private static async Task MoveAsync(ProtocolClient mover, string key, Point at, ProtocolClient opponent)
    {
        await mover.SendAsync(Wire.Place(key, at.Row, at.Col));
        var response = await mover.ExpectAsync("game_action_response");
        Assert.True(response.Flag("success"), response.GetRawText());
        var expected = $"[{at.Row},{at.Col}]";
        Assert.Equal(expected, (await mover.ExpectAsync("game_status")).GetProperty("lastMove").GetRawText());
        Assert.Equal(expected, (await opponent.ExpectAsync("game_status")).GetProperty("lastMove").GetRawText());
    }

    /// <summary>
    /// Plays on its turn as soon as a status says so: its moves, then a pass; in the endgame the tallying side asks and
    /// the other accepts. Returns every game_status it received, until the game is complete.
    /// </summary>
    private static async Task<List<StatusSeen>> BotAsync(ProtocolClient me, string key, string color, Point[] moves, bool requestsTally, int movesMade)
    {
        var seen = new List<StatusSeen>();
        while (true)
        {
            var message = await me.ReceiveAsync();
            switch (message.MessageType)
            {
                case "game_action_response":
                    Assert.True(message.Data.Flag("success"), message.Raw);
                    continue;
                case "game_status":
                    break;
                case "error":
                    Assert.Fail($"{color} got {message.Raw}");
                    break;
                default:
                    continue;
            }

            var state = message.Data;
            var status = state.Text("status");
            seen.Add(new StatusSeen(StonesOn(state), status));
            if (status == "complete")
            {
                return seen;
            }

            if (status == "play" && state.Text("turn") == color)
            {
                if (movesMade < moves.Length)
                {
                    var at = moves[movesMade++];
                    await me.SendAsync(Wire.Place(key, at.Row, at.Col));
                }
                else
                {
                    await me.SendAsync(Wire.Action(key, "pass_turn"));
                }
            }
            else if (status == "endgame" && requestsTally)
            {
                await me.SendAsync(Wire.Action(key, "request_tally_score"));
            }
            else if (status == "request_pending" && state.GetProperty("pendingRequest").Text("initiator") != color)
            {
                await me.SendAsync(Wire.Action(key, "accept"));
            }
        }
    }

    private static int StonesOn(JsonElement state) =>
        state.GetProperty("board").GetProperty("points").EnumerateArray()
            .Sum(row => row.EnumerateArray().Count(point => point[0].GetString() is { Length: > 0 }));

    private sealed record StatusSeen(int Stones, string Status);
}

/// <summary>
/// No allowance at all to send ahead (none at once, none earned during a test) and the smallest pending bound: a client
/// that waits for its answers must never need more. Stricter than the defaults, so what passes here passes with any
/// valid settings.
/// </summary>
internal static class NoSendAhead
{
    public static Dictionary<string, string?> Settings => new()
    {
        ["Compat:SendAheadBurst"] = "0",
        ["Compat:SendAheadInterval"] = "1.00:00:00",
        ["Compat:MaxPendingInbound"] = "2",
    };
}

/// <summary>The app on a fresh PostgreSQL database, with no send-ahead allowance.</summary>
public sealed class NoSendAheadPostgresApp : PostgresCompatApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => NoSendAhead.Settings;
}

/// <summary>The app on a fresh embedded store, with no send-ahead allowance.</summary>
public sealed class NoSendAheadEmbeddedApp : EmbeddedCompatApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => NoSendAhead.Settings;
}

/// <summary>The full-speed games on the real coordinator and PostgreSQL.</summary>
[Trait("Category", "Compat")]
public sealed class FullSpeedOnPostgres(NoSendAheadPostgresApp fixture) : FullSpeedSuite, IClassFixture<NoSendAheadPostgresApp>
{
    protected override AppOnRealPort App => fixture.App;
}

/// <summary>The full-speed games on the real coordinator and the embedded store.</summary>
[Trait("Category", "Compat")]
public sealed class FullSpeedOnEmbeddedStore(NoSendAheadEmbeddedApp fixture) : FullSpeedSuite, IClassFixture<NoSendAheadEmbeddedApp>
{
    protected override AppOnRealPort App => fixture.App;
}
