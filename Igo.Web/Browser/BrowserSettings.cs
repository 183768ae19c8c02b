using Microsoft.JSInterop;

namespace Igo.Web.Browser;

/// <summary>
/// What this browser prefers, remembered in its local storage, and what it says of itself (its clock, whether it is a
/// touch screen). Only callable once the circuit is interactive, never while prerendering.
/// </summary>
public sealed partial class BrowserSettings(BrowserStorage storage, IJSRuntime js, ILogger<BrowserSettings> logger)
{
    /// <summary>
    /// Whether a first tap on the board only previews the stone and a second one plays it: as chosen before, else on
    /// touch screens (where a finger easily lands on the wrong point). Off when the browser cannot say.
    /// </summary>
    public async Task<bool> ConfirmTapsAsync()
    {
        try
        {
            var stored = await storage.GetAsync(Preferences.ConfirmTaps);
            return stored is null ? await js.InvokeAsync<bool>("igo.prefersTouch") : stored == "true";
        }
        catch (JSException exception)
        {
            Unavailable(logger, exception, Preferences.ConfirmTaps);
            return false;
        }
    }

    public ValueTask SetConfirmTapsAsync(bool confirm) => storage.SetAsync(Preferences.ConfirmTaps, confirm ? "true" : "false");

    /// <summary>The theme chosen before in this browser: dark, light, or null when none was (the system's then applies).</summary>
    public async Task<bool?> DarkThemeAsync() => await storage.GetAsync(Preferences.DarkTheme) is { } stored ? stored == "true" : null;

    public ValueTask SetDarkThemeAsync(bool dark) => storage.SetAsync(Preferences.DarkTheme, dark ? "true" : "false");

    /// <summary>Whether a sound (<see cref="Preferences.ClockSound"/>, <see cref="Preferences.ChatSound"/>) plays: off unless chosen.</summary>
    public async Task<bool> SoundAsync(string preference) => await storage.GetAsync(preference) == "true";

    public ValueTask SetSoundAsync(string preference, bool on) => storage.SetAsync(preference, on ? "true" : "false");

    /// <summary>The new-game form's choices as last saved (JSON), or null.</summary>
    public ValueTask<string?> NewGameChoicesAsync() => storage.GetAsync(Preferences.NewGame);

    public ValueTask SetNewGameChoicesAsync(string json) => storage.SetAsync(Preferences.NewGame, json);

    /// <summary>
    /// The name this browser writes under in spectators' chats: as chosen before, else a new "Spectator N",
    /// remembered at once so that it stays the same from game to game.
    /// </summary>
    public async Task<string> SpectatorNameAsync()
    {
        try
        {
            if (Igo.Data.SpectatorNames.Normalize(await storage.GetAsync(Preferences.SpectatorName)) is { } stored)
            {
                return stored;
            }

            var name = $"Spectator {Random.Shared.Next(100, 1000)}";
            await storage.SetAsync(Preferences.SpectatorName, name);
            return name;
        }
        catch (JSException exception)
        {
            Unavailable(logger, exception, Preferences.SpectatorName);
            return "Spectator";
        }
    }

    public ValueTask SetSpectatorNameAsync(string name) => storage.SetAsync(Preferences.SpectatorName, name);

    /// <summary>The browser's offset from UTC, so that times read as the player's clock; UTC when the browser cannot say.</summary>
    public async Task<TimeSpan> TimeZoneOffsetAsync()
    {
        try
        {
            return TimeSpan.FromMinutes(await js.InvokeAsync<int>("igo.timeZoneOffsetMinutes"));
        }
        catch (JSException exception)
        {
            Unavailable(logger, exception, "time zone");
            return TimeSpan.Zero;
        }
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Debug, Message = "The browser could not tell its {Setting}; using the default")]
    private static partial void Unavailable(ILogger logger, Exception exception, string setting);
}
