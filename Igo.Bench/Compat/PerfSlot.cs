using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Unicode;
using Igo.Testing.Sockets;

namespace Igo.Bench.Compat;

/// <summary>
/// One slot of the original server's load pattern, game after game until the run stops: two fresh sockets per game,
/// <c>new_game</c> (19×19) on the first, <c>join_game</c> with the other key on the second, then <paramref name="moves"/>
/// capture-free stones and <paramref name="passes"/> passes, each player acting as soon as it has seen the opponent's
/// action, and both sockets closed (which releases both keys). Every message each socket receives is checked against
/// the one order PROTOCOL.md §2.3 allows, each <c>game_status</c> by its last move, turn and status; the first thing
/// that goes wrong fails the game, and the slot starts the next one on fresh sockets.
/// </summary>
internal sealed class PerfSlot(Uri black, Uri white, int moves, int passes, TimeSpan timeout, LoadRecorder recorder)
{
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await PlayOneAsync(stop);
        }
    }

    private async Task PlayOneAsync(CancellationToken stop)
    {
        using var game = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var outcome = new Outcome(game);
        ProtocolClient? blackPlayer = null;
        ProtocolClient? whitePlayer = null;
        var stage = LoadFailure.Connect;
        try
        {
            blackPlayer = await ProtocolClient.ConnectAsync(black, game.Token, timeout: timeout);
            whitePlayer = await ProtocolClient.ConnectAsync(white, game.Token, timeout: timeout);
            recorder.GameStarted();

            stage = LoadFailure.NewGame;
            var sent = Stopwatch.GetTimestamp();
            await blackPlayer.SendAsync(Wire.NewGame);
            var created = Wire.Seated((await blackPlayer.ExpectMessageAsync("new_game_response")).Raw);
            recorder.Record(Timing.NewGame, Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            await ExpectSeatAsync(blackPlayer, opponentConnected: false);

            stage = LoadFailure.JoinGame;
            sent = Stopwatch.GetTimestamp();
            await whitePlayer.SendAsync(Wire.JoinGame(Wire.KeyOf(created, "white")));
            Wire.Seated((await whitePlayer.ExpectMessageAsync("join_game_response")).Raw);
            recorder.Record(Timing.JoinGame, Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            await ExpectSeatAsync(whitePlayer, opponentConnected: true);
            ExpectConnected((await blackPlayer.ExpectMessageAsync("opponent_connected")).Raw, true);

            var sentAt = new long[moves + passes];
            await Task.WhenAll(
                PlayAsync(blackPlayer, Wire.KeyOf(created, "black"), 0, sentAt, outcome),
                PlayAsync(whitePlayer, Wire.KeyOf(created, "white"), 1, sentAt, outcome));
            if (outcome.Failure is { } failed)
            {
                recorder.Failed(failed.Kind, failed.Detail);
            }
            else if (!game.IsCancellationRequested)
            {
                recorder.GameCompleted();
            }
        }
        catch (Exception failure) when (IsSocketFailure(failure))
        {
            if (!stop.IsCancellationRequested)
            {
                recorder.Failed(stage, failure.Message);
            }
        }
        finally
        {
            await CloseAsync(blackPlayer);
            await CloseAsync(whitePlayer);
        }
    }

    /// <summary>The three messages after a successful new/join response (§2.3): the game, the chat thread, the opponent's presence.</summary>
    private static async Task ExpectSeatAsync(ProtocolClient player, bool opponentConnected)
    {
        await player.ExpectMessageAsync("game_status");
        await player.ExpectMessageAsync("chat");
        ExpectConnected((await player.ExpectMessageAsync("opponent_connected")).Raw, opponentConnected);
    }

    private static void ExpectConnected(string raw, bool connected)
    {
        if (!raw.Contains(connected ? "\"opponentConnected\":true" : "\"opponentConnected\":false", StringComparison.Ordinal))
        {
            throw new UnexpectedMessageException($"Expected opponentConnected {connected}, got {raw}");
        }
    }

    /// <summary>
    /// One player's side: on its own actions (every second one, from <paramref name="first"/>) it sends, times the answer
    /// and reads its own status; on the opponent's it reads the pushed status and times it from the opponent's send.
    /// With one action in flight per game, each socket's messages come in exactly one order.
    /// </summary>
    private async Task PlayAsync(ProtocolClient player, string key, int first, long[] sentAt, Outcome outcome)
    {
        try
        {
            for (var action = 0; action < sentAt.Length; action++)
            {
                if (action % 2 == first)
                {
                    var stone = action < moves;
                    Volatile.Write(ref sentAt[action], Stopwatch.GetTimestamp());
                    await player.SendAsync(stone ? Wire.PlaceStone(key, action) : Wire.Pass(key));
                    if (await player.ExpectMessageAsync("game_action_response", Refusal) is { } refused)
                    {
                        outcome.Fail(LoadFailure.Refused, refused);
                        return;
                    }

                    recorder.Record(stone ? Timing.Move : Timing.Pass, Stopwatch.GetElapsedTime(Volatile.Read(ref sentAt[action])).TotalMilliseconds);
                    await ExpectStatusAsync(player, action);
                }
                else
                {
                    await ExpectStatusAsync(player, action);
                    recorder.Record(Timing.Push, Stopwatch.GetElapsedTime(Volatile.Read(ref sentAt[action])).TotalMilliseconds);
                }
            }
        }
        catch (Exception failure) when (IsSocketFailure(failure))
        {
            outcome.Fail(Classify(failure), failure.Message);
        }
    }

    /// <summary>The state after <paramref name="action"/>: its stone as the last move (or none after a pass), whose turn, and the status.</summary>
    /// <remarks>
    /// On the bytes as received, which then go back to the pool: the generator reads thousands of 7.5 KB statuses a
    /// second, and a copy of each made its own collector a measurable part of the latency it reports (docs/BENCHMARKS.md).
    /// </remarks>
    private void ExpectStatus(ReadOnlySpan<byte> utf8, int action)
    {
        var tail = utf8[Math.Max(0, utf8.LastIndexOf("\"status\":"u8))..];
        var secondPass = passes == 2 && action == moves + 1;
        var turn = action % 2 == 0 ? "\"turn\":\"white\""u8 : "\"turn\":\"black\""u8;
        Span<byte> lastMove = stackalloc byte[32];
        var point = Wire.Point(action);
        _ = action < moves
            ? Utf8.TryWrite(lastMove, $"\"lastMove\":[{point.Row},{point.Column}]", out var written)
            : Utf8.TryWrite(lastMove, $"\"lastMove\":null", out written);
        var status = secondPass ? "\"status\":\"endgame\""u8 : "\"status\":\"play\""u8;
        if (!tail.StartsWith(status) || tail.IndexOf(lastMove[..written]) < 0 || (!secondPass && tail.IndexOf(turn) < 0))
        {
            throw new UnexpectedMessageException(
                $"Expected the game_status of action {action} ({Encoding.UTF8.GetString(status)}, {Encoding.UTF8.GetString(lastMove[..written])}, {Encoding.UTF8.GetString(turn)}), got …{Encoding.UTF8.GetString(tail[..Math.Min(200, tail.Length)])}");
        }
    }

    private ValueTask<bool> ExpectStatusAsync(ProtocolClient player, int action) =>
        player.ExpectMessageAsync("game_status", status =>
        {
            ExpectStatus(status, action);
            return true;
        });

    /// <summary>The answer's text when it refused the action; null when it succeeded.</summary>
    private static string? Refusal(ReadOnlySpan<byte> answer) =>
        answer.IndexOf("\"success\":true"u8) >= 0 ? null : Encoding.UTF8.GetString(answer);

    private static LoadFailure Classify(Exception failure) => failure switch
    {
        TimeoutException => LoadFailure.Timeout,
        UnexpectedMessageException => LoadFailure.Order,
        _ => LoadFailure.Disconnect,
    };

    private static bool IsSocketFailure(Exception failure) =>
        failure is TimeoutException or UnexpectedMessageException or OperationCanceledException or WebSocketException or InvalidOperationException;

    private static async Task CloseAsync(ProtocolClient? player)
    {
        if (player is not null)
        {
            await player.DisposeAsync();
        }
    }

    /// <summary>The first failure of a game's two players; it cancels the other's waits, which then count for nothing.</summary>
    private sealed class Outcome(CancellationTokenSource game)
    {
        private (LoadFailure Kind, string Detail)? failure;

        public (LoadFailure Kind, string Detail)? Failure => failure;

        public void Fail(LoadFailure kind, string detail)
        {
            lock (game)
            {
                if (failure is not null || game.IsCancellationRequested)
                {
                    return;
                }

                failure = (kind, detail);
                game.Cancel();
            }
        }
    }
}
