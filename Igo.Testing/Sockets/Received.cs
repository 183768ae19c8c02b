using System.Text.Json;

namespace Igo.Testing.Sockets;

/// <summary>
/// One message as the server sent it: its type, its raw text (for assertions on the wire format) and its data. The data
/// is parsed on first read, so a reader that needs only the type and the text (the load generator) pays for no parse.
/// </summary>
public sealed class Received(string messageType, string raw)
{
    private JsonElement? data;

    public string MessageType => messageType;

    public string Raw => raw;

    /// <summary>The message's <c>data</c> member. Throws <see cref="JsonException"/> or <see cref="KeyNotFoundException"/> when the text has none.</summary>
    public JsonElement Data => data ??= ParseData(raw);

    public override string ToString() => raw;

    private static JsonElement ParseData(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("data").Clone();
    }
}
