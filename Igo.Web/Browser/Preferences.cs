namespace Igo.Web.Browser;

/// <summary>Names of the per-browser preferences kept in local storage (<see cref="BrowserSettings"/> reads and writes them).</summary>
public static class Preferences
{
    public const string ConfirmTaps = "igo.confirm-taps";

    public const string DarkTheme = "igo.dark-theme";

    /// <summary>Whether the player's own clock beeps in its last seconds (read by wwwroot/js/clock.js as well).</summary>
    public const string ClockSound = "igo.clock-sound";

    /// <summary>Whether a chat line from the opponent chimes (read by wwwroot/js/chat.js as well).</summary>
    public const string ChatSound = "igo.chat-sound";

    /// <summary>The new-game form's last choices (<see cref="Igo.Web.Components.Lobby.NewGameOptions"/>, as JSON).</summary>
    public const string NewGame = "igo.new-game";

    /// <summary>The name this browser's spectator writes under in spectators' chats.</summary>
    public const string SpectatorName = "igo.spectator-name";
}
