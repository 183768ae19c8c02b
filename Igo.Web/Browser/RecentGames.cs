using System.Text.Json;
using Igo.Domain;
using Microsoft.JSInterop;

namespace Igo.Web.Browser;

/// <summary>A game this browser played, kept in local storage so one click resumes it.</summary>
public sealed record RecentGame(string Key, Color Color, int Size, string Opponent, DateTimeOffset LastPlayed, string Summary);

/// <summary>The recent games of this browser, newest first.</summary>
public sealed partial class RecentGames(BrowserStorage storage, ILogger<RecentGames> logger)
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
            NotShown(logger, exception);
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
            NotRemembered(logger, exception);
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
            NotForgotten(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Local storage unavailable; no recent games shown")]
    private static partial void NotShown(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local storage unavailable; the game is not remembered")]
    private static partial void NotRemembered(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local storage unavailable; the game is not forgotten")]
    private static partial void NotForgotten(ILogger logger, Exception exception);
}
