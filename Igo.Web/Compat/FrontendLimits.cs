namespace Igo.Web.Compat;

/// <summary>
/// What igo-frontend can show: boards of 9, 13 and 19 lines, and komi from 0 to 100.5 (its own form's range). Narrower
/// than what the rules allow (<see cref="Domain.GameSettings"/>), so the endpoint checks these before it asks the
/// coordinator, which then checks the rules' own limits.
/// </summary>
internal static class FrontendLimits
{
    private static readonly int[] Sizes = [9, 13, 19];

    public static bool CanShow(int size) => Sizes.Contains(size);

    /// <summary>Null when a new game of this size and komi can be shown; else the refusal's words.</summary>
    public static string? NewGameRefusal(double size, double komi) =>
        size != Math.Floor(size) || !CanShow((int)size) ? ProtocolTexts.BoardSizeRefused
        : komi is >= 0 and <= 100.5 ? null
        : ProtocolTexts.KomiRefused;
}
