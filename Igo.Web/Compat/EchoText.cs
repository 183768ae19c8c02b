namespace Igo.Web.Compat;

/// <summary>How a client's own value is quoted back in a text: cut short, so a client cannot make the server send a long text of its own.</summary>
internal static class EchoText
{
    private const int Longest = 40;

    public static string Shorten(string? text) =>
        text is null ? string.Empty : text.Length <= Longest ? text : string.Concat(text.AsSpan(0, Longest), "…");
}
