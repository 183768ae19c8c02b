using MudBlazor;

namespace Igo.Web.Components.Layout;

/// <summary>
/// Ink, paper and a seal-red accent. Every text colour here meets WCAG AA (4.5:1) on the backgrounds it is used on,
/// in both palettes.
/// </summary>
public static class IgoTheme
{
    private static readonly string[] FontStack = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2f4a7a",
            PrimaryContrastText = "#ffffff",
            Secondary = "#b3261e",
            SecondaryContrastText = "#ffffff",
            Tertiary = "#7a5412",
            Success = "#2e6b30",
            Warning = "#8a5300",
            WarningContrastText = "#ffffff",
            Info = "#1d5c99",
            Error = "#b3261e",
            AppbarBackground = "#1c2333",
            AppbarText = "#f4f1ea",
            Background = "#f5f2ec",
            BackgroundGray = "#ebe6dc",
            Surface = "#ffffff",
            TextPrimary = "#1f1d1a",
            TextSecondary = "#57524a",
            LinesDefault = "#d6cfc2",
            Divider = "#d6cfc2",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#a9c1f5",
            PrimaryContrastText = "#0f1b33",
            Secondary = "#ffb4ab",
            SecondaryContrastText = "#3b0a06",
            Tertiary = "#e3bd73",
            TertiaryContrastText = "#2b1d00",
            Success = "#8fd694",
            SuccessContrastText = "#0b2a0d",
            Warning = "#f0c05a",
            WarningContrastText = "#2b1d00",
            Info = "#9ecbff",
            InfoContrastText = "#0b1f33",
            Error = "#ffb4ab",
            ErrorContrastText = "#3b0a06",
            AppbarBackground = "#10131a",
            AppbarText = "#ece8e1",
            Background = "#14171d",
            BackgroundGray = "#232833",
            Surface = "#1b1f27",
            TextPrimary = "#ece8e1",
            TextSecondary = "#b8b2a7",
            LinesDefault = "#3a404c",
            Divider = "#3a404c",
            ActionDefault = "#c9c4bb",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
            H6 = new H6Typography { FontFamily = FontStack, FontWeight = "700" },
            Button = new ButtonTypography { FontFamily = FontStack, FontWeight = "600", TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
