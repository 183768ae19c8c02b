using System.Globalization;
using System.Text.Json;

namespace Igo.Testing.Circuits;

/// <summary>
/// What a headless circuit answers to the JS interop calls of Igo's pages (Igo.Web's wwwroot/js and the components'
/// IJSRuntime calls), and to Blazor's and MudBlazor's own: a call whose .NET side expects a value gets one of the type it
/// deserializes (a failing deserialization would throw in a lifecycle method and end the circuit); every other call
/// succeeds with no value. An object reference gets an id of its own, as a browser's would.
/// </summary>
public sealed class IgoPageScripts
{
    // JSCallResultType: Default (JSON), JSObjectReference, JSStreamReference, JSVoidResult.
    private const int ObjectReference = 1;

    private long nextObjectId;

    /// <summary>The JSON of the call's result.</summary>
    public string ResultJson(string identifier, int resultType)
    {
        if (resultType == ObjectReference)
        {
            return $$"""{"__jsObjectId":{{Interlocked.Increment(ref nextObjectId).ToString(CultureInfo.InvariantCulture)}}}""";
        }

        return identifier switch
        {
            "igo.prefersTouch" => "false",
            "igo.timeZoneOffsetMinutes" => "0",
            "igo.copy" => "true",
            "igoTicking.now" => JsonSerializer.Serialize((double)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
            _ => "null",
        };
    }
}
