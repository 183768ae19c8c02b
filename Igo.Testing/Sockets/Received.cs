using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Igo.Testing.Sockets;

/// <summary>
/// One message as the server sent it: its type, its UTF-8 bytes, and from them its text (for assertions on the wire
/// format) and its data. The text and the data are made on first read, so a reader that needs only the type and the
/// bytes (the load generator, thousands of 7.5 KB statuses a second) pays for neither a second copy nor a parse. The
/// bytes are in a pooled array: <see cref="ProtocolClient.ExpectMessageAsync{T}"/> gives it back once it has read them;
/// a message read any other way keeps its array.
/// </summary>
public sealed class Received
{
    private readonly string messageType;
    private readonly int length;
    private byte[]? utf8;
    private string? raw;
    private JsonElement? data;

    internal Received(string messageType, byte[] pooled, int length)
    {
        this.messageType = messageType;
        this.length = length;
        utf8 = pooled;
    }

    public string MessageType => messageType;

    /// <summary>The message as it came off the socket: UTF-8 JSON.</summary>
    public ReadOnlySpan<byte> Utf8 => (utf8 ?? throw new ObjectDisposedException(nameof(Received), "The message's bytes went back to the pool")).AsSpan(0, length);

    public string Raw => raw ??= Encoding.UTF8.GetString(Utf8);

    /// <summary>The message's <c>data</c> member. Throws <see cref="JsonException"/> or <see cref="KeyNotFoundException"/> when the text has none.</summary>
    public JsonElement Data => data ??= ParseData(Utf8);

    public override string ToString() => Raw;

    /// <summary>Gives the bytes back to the pool: nothing reads them after this.</summary>
    internal void ReturnBytes()
    {
        if (utf8 is { } pooled)
        {
            utf8 = null;
            ArrayPool<byte>.Shared.Return(pooled);
        }
    }

    private static JsonElement ParseData(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetProperty("data").Clone();
    }
}
