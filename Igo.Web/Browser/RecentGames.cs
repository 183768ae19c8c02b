using System.Text.Json;
using Igo.Domain;
using Microsoft.JSInterop;

namespace Igo.Web.Browser;

/// <summary>A game this browser played, kept in local storage so one click resumes it.</summary>
public sealed record RecentGame(string Key, Color Color, int Size, string Opponent, DateTimeOffset LastPlayed, string Summary);

/// <summary>The recent games of this browser, newest first.</summary>
public sealed class RecentGames(BrowserStorage storage, ILogger<RecentGames> logger)
{
    public const int Capacity = 12;

    internal const string StorageName = "igo.recent-games";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<RecentGame>> ListAsync()
    {
        try
        {
            var text = await storage.GetAsync(StorageName);
            if (string.IsNullOrWhiteSpace(text))
            {
                return [];
            }

            var games = JsonSerializer.Deserialize<List<RecentGame>>(text, Json) ?? [];
            return games.Where(g => !string.IsNullOrWhiteSpace(g.Key)).OrderByDescending(g => g.LastPlayed).Take(Capacity).ToList();
        }
        catch (JsonException)
        {
            // Someone else's or an older shape: start afresh rather than fail the home page.
            return [];
        }
        catch (JSException exception)
        {
            logger.LogInformation(exception, "Local storage unavailable; no recent games shown");
            return [];
        }
    }

    public async Task RememberAsync(RecentGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        try
        {
            var games = (await ListAsync()).Where(g => g.Key != game.Key).Prepend(game).Take(Capacity).ToList();
            await storage.SetAsync(StorageName, JsonSerializer.Serialize(games, Json));
        }
        catch (JSException exception)
        {
            logger.LogInformation(exception, "Local storage unavailable; the game is not remembered");
        }
    }

    public async Task ForgetAsync(string key)
    {
        try
        {
            var games = (await ListAsync()).Where(g => g.Key != key).ToList();
            await storage.SetAsync(StorageName, JsonSerializer.Serialize(games, Json));
        }
        catch (JSException exception)
        {
            logger.LogInformation(exception, "Local storage unavailable; the game is not forgotten");
        }
    }
}
