using System.Text.Json;

namespace Igo.Tests.Compat;

/// <summary>Client-to-server messages as the igo-frontend writes them (docs/PROTOCOL.md §2.1), and readers of what comes back.</summary>
public static class Wire
{
    public static object NewGame(string color = "black", int size = 19, double komi = 6.5, string vs = "human") =>
        new { type = "new_game", vs, color, size, komi };

    public static object Join(string key) => new { type = "join_game", key };

    public static object Place(string key, int row, int col) =>
        new { type = "game_action", key, action_type = "place_stone", coords = new[] { row, col } };

    public static object Action(string key, string actionType) => new { type = "game_action", key, action_type = actionType };

    public static object Chat(string key, string message) => new { type = "chat_message", key, message };

    public static string Key(this JsonElement seatResponse, string color) => seatResponse.GetProperty("keys").GetProperty(color).GetString()!;

    public static string Text(this JsonElement data, string name) => data.GetProperty(name).GetString()!;

    public static bool Flag(this JsonElement data, string name) => data.GetProperty(name).GetBoolean();

    /// <summary>The four-element point array at row, col of a game_status: [stone, markedDead, counted, countsFor].</summary>
    public static string PointAt(this JsonElement status, int row, int col) =>
        status.GetProperty("board").GetProperty("points")[row][col].GetRawText();
}
