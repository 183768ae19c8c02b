using System.Net.WebSockets;
using Igo.Testing.Sockets;

namespace Igo.Bench.Compat;

/// <summary>
/// What the load generators send and read on <c>/websocket</c> (docs/PROTOCOL.md §2): a 19×19 game against a human,
/// joins, capture-free stones, passes, and the keys of a new/join response.
/// </summary>
internal static class Wire
{
    /// <summary>The largest number of stones <see cref="PlaceStone"/> can place on 19×19 without leaving the board.</summary>
    public const int MaxMoves = 190;

    public const string NewGame = """{"type":"new_game","vs":"human","color":"black","size":19,"komi":6.5}""";

    public static string JoinGame(string key) => $$"""{"type":"join_game","key":"{{key}}"}""";

    public static string Pass(string key) => $$"""{"type":"game_action","key":"{{key}}","action_type":"pass_turn"}""";

    public static string PlaceStone(string key, int move)
    {
        var (row, column) = Point(move);
        return $$"""{"type":"game_action","key":"{{key}}","action_type":"place_stone","coords":[{{row}},{{column}}]}""";
    }

    /// <summary>Black plays columns 0, 4, 8, …; white columns 2, 6, 10, …: groups never touch, so nothing is ever captured.</summary>
    public static (int Row, int Column) Point(int move)
    {
        var ownMove = move / 2;
        return (ownMove % 19, ((ownMove / 19) * 4) + (move % 2 == 0 ? 0 : 2));
    }

    public static string KeyOf(string response, string color)
    {
        var marker = $"\"{color}\":\"";
        var start = response.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return response.Substring(start, 10);
    }

    /// <summary>A new/join response that gave a seat (it has keys); a refusal throws with the server's explanation.</summary>
    public static string Seated(string response) => response.Contains("\"keys\":null", StringComparison.Ordinal)
        ? throw new InvalidOperationException($"Refused: {response[..Math.Min(300, response.Length)]}")
        : response;

    /// <summary>A generator's socket: under a thousand games a message may queue for a while, so it is waited for 30 s unless told.</summary>
    public static Task<ProtocolClient> ConnectAsync(Uri url, Action<ClientWebSocketOptions>? configure = null) =>
        ProtocolClient.ConnectAsync(url, CancellationToken.None, configure, TimeSpan.FromSeconds(30));
}
