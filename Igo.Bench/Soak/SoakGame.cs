using System.Net.WebSockets;
using Igo.Bench.Compat;
using Igo.Testing.Sockets;

namespace Igo.Bench.Soak;

/// <summary>
/// One seat pair of the soak, playing game after game until the deadline: black creates on one instance, white joins
/// on the other, they place capture-free stones with a think time, chat every ten moves, and black resigns. Every third
/// game white leaves and comes back on a new socket (its key is released and the opponent told). Both players come
/// from one client address of their own (X-Forwarded-For through the trusted loopback), as two people behind one NAT.
/// Anything unexpected (an error message, a refused action, a message out of order, a timeout) is one error.
/// </summary>
internal sealed class SoakGame(int index, Uri blackInstance, Uri whiteInstance, SoakSettings settings, SoakErrors errors)
{
    private readonly string address = $"10.{index / 60_000 % 250}.{index / 250 % 240}.{(index % 250) + 1}";

    // White still holds the previous game's key: black leaving that game makes it see its opponent go.
    private bool whiteInPreviousGame;

    public int GamesPlayed { get; private set; }

    public int Actions { get; private set; }

    public async Task RunAsync(DateTime deadline, CancellationToken stopping)
    {
        ProtocolClient? black = null;
        ProtocolClient? white = null;
        while (DateTime.UtcNow < deadline && !stopping.IsCancellationRequested)
        {
            try
            {
                black ??= await ConnectAsync(blackInstance);
                white ??= await ConnectAsync(whiteInstance);
                await PlayOneAsync(black, white, deadline, stopping);
                GamesPlayed++;
                whiteInPreviousGame = true;
                if (GamesPlayed % 3 == 0)
                {
                    await white.DisposeAsync();
                    white = null;
                    whiteInPreviousGame = false;
                    await black.ExpectMessageAsync("opponent_connected");
                }
            }
            catch (Exception failure) when (failure is InvalidOperationException or UnexpectedMessageException or TimeoutException or OperationCanceledException or WebSocketException)
            {
                if (stopping.IsCancellationRequested)
                {
                    break;
                }

                errors.Add(index, failure.Message);

                // Start again on fresh sockets, so that one error is counted once and not as a cascade.
                await DisposeAsync(black);
                await DisposeAsync(white);
                black = null;
                white = null;
                whiteInPreviousGame = false;
            }
        }

        await DisposeAsync(black);
        await DisposeAsync(white);
    }

    private async Task PlayOneAsync(ProtocolClient black, ProtocolClient white, DateTime deadline, CancellationToken stopping)
    {
        await black.SendAsync("""{"type":"new_game","vs":"human","color":"black","size":19,"komi":6.5}""");
        var created = (await black.ExpectMessageAsync("new_game_response")).Raw;
        await black.ExpectMessageAsync("game_status");
        await black.ExpectMessageAsync("chat");
        await black.ExpectMessageAsync("opponent_connected");
        if (whiteInPreviousGame)
        {
            await white.ExpectMessageAsync("opponent_connected");
        }

        var blackKey = Wire.KeyOf(created, "black");
        var whiteKey = Wire.KeyOf(created, "white");

        await white.SendAsync($$"""{"type":"join_game","key":"{{whiteKey}}"}""");
        Succeeded((await white.ExpectMessageAsync("join_game_response")).Raw);
        await white.ExpectMessageAsync("game_status");
        await white.ExpectMessageAsync("chat");
        await white.ExpectMessageAsync("opponent_connected");
        await black.ExpectMessageAsync("opponent_connected");

        for (var move = 0; move < settings.Moves && DateTime.UtcNow < deadline; move++)
        {
            var (mover, opponent, key) = move % 2 == 0 ? (black, white, blackKey) : (white, black, whiteKey);
            await mover.SendAsync(Wire.PlaceStone(key, move));
            Succeeded((await mover.ExpectMessageAsync("game_action_response")).Raw);
            await mover.ExpectMessageAsync("game_status");
            await opponent.ExpectMessageAsync("game_status");
            Actions++;

            if (move % 10 == 9)
            {
                await mover.SendAsync($$"""{"type":"chat_message","key":"{{key}}","message":"move {{move + 1}}"}""");
                await mover.ExpectMessageAsync("chat");
                await opponent.ExpectMessageAsync("chat");
            }

            await Task.Delay(settings.ThinkTime, stopping);
        }

        await black.SendAsync($$"""{"type":"game_action","key":"{{blackKey}}","action_type":"resign"}""");
        Succeeded((await black.ExpectMessageAsync("game_action_response")).Raw);
        await black.ExpectMessageAsync("game_status");
        await white.ExpectMessageAsync("game_status");
        Actions++;
    }

    private static void Succeeded(string response)
    {
        if (!response.Contains("\"success\":true", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Refused: {response[..Math.Min(300, response.Length)]}");
        }
    }

    // Through a trusted proxy (loopback), X-Forwarded-For names the client: a load of many distinct addresses.
    private Task<ProtocolClient> ConnectAsync(Uri instance) =>
        Wire.ConnectAsync(instance, options => options.SetRequestHeader("X-Forwarded-For", address));

    private static async Task DisposeAsync(ProtocolClient? player)
    {
        if (player is not null)
        {
            try
            {
                await player.DisposeAsync();
            }
            catch (Exception ignored) when (ignored is WebSocketException or OperationCanceledException or InvalidOperationException)
            {
                // Closing a broken socket: the error was already counted.
            }
        }
    }
}
