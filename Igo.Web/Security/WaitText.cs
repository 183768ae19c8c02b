using System.Globalization;

namespace Igo.Web.Security;

/// <summary>How long a refused client must wait, as both UIs tell it.</summary>
internal static class WaitText
{
    /// <summary>Whole seconds to tell a person, never 0 (a refused client must wait).</summary>
    public static string Seconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
