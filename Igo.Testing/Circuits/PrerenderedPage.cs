using System.Text.Json;
using System.Text.RegularExpressions;

namespace Igo.Testing.Circuits;

/// <summary>
/// What a prerendered Blazor page hands its circuit: the markers of its interactive server components (each a JSON
/// comment <c>&lt;!--Blazor:{"type":"server",...,"descriptor":"..."}--&gt;</c>, as blazor.web.js finds them) and the
/// persisted component state (<c>&lt;!--Blazor-Server-Component-State:...--&gt;</c>), empty when the page has none.
/// </summary>
public sealed partial record PrerenderedPage(IReadOnlyList<JsonElement> ServerComponents, string ApplicationState)
{
    public static PrerenderedPage Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);

        // A component's closing comment (<!--Blazor:{"prerenderId":"..."}-->) carries no descriptor: only the opening
        // ones are started, as blazor.web.js does.
        var components = Marker().Matches(html)
            .Select(match => JsonDocument.Parse(match.Groups[1].Value).RootElement.Clone())
            .Where(marker => marker.TryGetProperty("type", out var type) && type.GetString() == "server"
                && marker.TryGetProperty("descriptor", out _))
            .ToList();
        var state = State().Match(html) is { Success: true } found ? found.Groups[1].Value : string.Empty;
        return new PrerenderedPage(components, state);
    }

    /// <summary>The UpdateRootComponents batch that adds every server component, in the page's order.</summary>
    public string AddOperationsJson(long batchId) => JsonSerializer.Serialize(new
    {
        batchId,
        operations = ServerComponents.Select((marker, index) => new { type = "add", ssrComponentId = index + 1, marker }),
    });

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex State();
}
