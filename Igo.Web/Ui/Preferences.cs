namespace Igo.Web.Ui;

/// <summary>Names of the per-browser preferences kept in local storage.</summary>
public static class Preferences
{
    public const string ConfirmTaps = "igo.confirm-taps";

    public const string DarkTheme = "igo.dark-theme";
}
