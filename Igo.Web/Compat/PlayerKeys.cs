namespace Igo.Web.Compat;

/// <summary>The shape of a player key as the protocol defines it: exactly 10 characters of base-62 (PROTOCOL.md §4).</summary>
internal static class PlayerKeys
{
    public const int Length = 10;

    public static bool IsWellFormed(string key)
    {
        if (key.Length != Length)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A key as it may be echoed in a text: a client cannot make the server send a long text of its own back.</summary>
    public static string Shorten(string key) => key.Length <= 40 ? key : string.Concat(key.AsSpan(0, 40), "…");
}
