using System.Text.RegularExpressions;

namespace Igo.Web.Compat;

/// <summary>
/// The original's <c>--origin-suffix</c> check (docs/PROTOCOL.md §1.1): with a suffix, the handshake's Origin host[:port] must match
/// <c>.*&lt;suffix&gt;(:\d+)?$</c>, or <c>&lt;suffix&gt;(:\d+)?$</c> (anchored) when the suffix starts with <c>^</c>.
/// As in the original (tornado checks only an Origin that is present), a request without Origin, which is not from a
/// browser, is accepted.
/// </summary>
internal sealed class OriginPolicy
{
    private readonly Regex? pattern;

    public OriginPolicy(string? suffix)
    {
        if (!string.IsNullOrEmpty(suffix))
        {
            var expression = suffix.StartsWith('^') ? $"{suffix}(:\\d+)?$" : $"^.*{suffix}(:\\d+)?$";
            pattern = new Regex(expression, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
    }

    public bool AllowsEveryOrigin => pattern is null;

    public bool IsAllowed(string? origin)
    {
        if (pattern is null || string.IsNullOrEmpty(origin))
        {
            return true;
        }

        try
        {
            return pattern.IsMatch(HostAndPort(origin));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>The host[:port] of an Origin such as <c>https://play.example.com:8443</c> (Python's <c>urlparse(origin).netloc</c>).</summary>
    private static string HostAndPort(string origin)
    {
        var start = origin.IndexOf("://", StringComparison.Ordinal);
        var rest = start < 0 ? origin : origin[(start + 3)..];
        var end = rest.IndexOfAny(['/', '?', '#']);
        return (end < 0 ? rest : rest[..end]).ToLowerInvariant();
    }
}
