using System.Text;
using System.Text.Json;

namespace Igo.Testing.Sockets;

/// <summary>
/// One message as the server sent it: its type, its UTF-8 bytes, and from them its text (for assertions on the wire
/// format) and its data. The text and the data are made on first read, so a reader that needs only the type and the
/// bytes (the load generator, thousands of 7.5 KB statuses a second) pays for neither a second copy nor a parse.
/// </summary>
public sealed class Received(string messageType, byte[] utf8)
{
    private string? raw;
    private JsonElement? data;

    public string MessageType => messageType;

    /// <summary>The message as it came off the socket: UTF-8 JSON.</summary>
    public ReadOnlySpan<byte> Utf8 => utf8;

    public string Raw => raw ??= Encoding.UTF8.GetString(utf8);

    /// <summary>The message's <c>data</c> member. Throws <see cref="JsonException"/> or <see cref="KeyNotFoundException"/> when the text has none.</summary>
    public JsonElement Data => data ??= ParseData(utf8);

    public override string ToString() => Raw;

    private static JsonElement ParseData(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("data").Clone();
    }
}
