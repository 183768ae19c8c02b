namespace Igo.Web.Browser;

/// <summary>Names of the per-browser preferences kept in local storage (<see cref="BrowserSettings"/> reads and writes them).</summary>
public static class Preferences
{
    public const string ConfirmTaps = "igo.confirm-taps";

    public const string DarkTheme = "igo.dark-theme";
}
