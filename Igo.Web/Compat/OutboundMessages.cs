using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Web.Compat;

/// <summary>
/// Writes the seven server-to-client messages as UTF-8 JSON, each <c>{"messageType": ..., "data": {...}}</c>
/// (docs/PROTOCOL.md §2.2, §3). Nothing else is ever sent: the frontend throws on an unknown message type or stray field.
/// </summary>
internal static class OutboundMessages
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    // Both players of a game on one instance are sent the same committed snapshot: write its JSON once.
    private static readonly ConditionalWeakTable<GameSnapshot, byte[]> StatusFrames = [];

    public static byte[] NewGameResponse(GameKeys? keys, Color? yourColor, string explanation) =>
        SeatResponse("new_game_response", keys, yourColor, explanation);

    public static byte[] JoinGameResponse(GameKeys? keys, Color? yourColor, string explanation) =>
        SeatResponse("join_game_response", keys, yourColor, explanation);

    public static byte[] GameActionResponse(bool success, string explanation) => Write("game_action_response", writer =>
    {
        writer.WriteBoolean("success", success);
        writer.WriteString("explanation", explanation);
    });

    public static byte[] GameStatus(GameSnapshot snapshot) =>
        StatusFrames.GetValue(snapshot, static s => Write("game_status", writer => GameStatusJson.WriteData(writer, s)));

    public static byte[] Chat(IReadOnlyList<ChatMessage> thread, bool isComplete) => Write("chat", writer =>
    {
        writer.WriteStartArray("thread");
        foreach (var message in thread)
        {
            writer.WriteStartObject();
            writer.WriteNumber("timestamp", message.At.ToUnixTimeMilliseconds() / 1000.0);
            writer.WriteString("color", message.Author.ToWord());
            writer.WriteString("message", message.Text);
            writer.WriteNumber("id", message.Id);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteBoolean("isComplete", isComplete);
    });

    public static byte[] OpponentConnected(bool connected) => Write("opponent_connected", writer => writer.WriteBoolean("opponentConnected", connected));

    public static byte[] Error(string message) => Write("error", writer => writer.WriteString("errorMessage", message));

    private static byte[] SeatResponse(string messageType, GameKeys? keys, Color? yourColor, string explanation) => Write(messageType, writer =>
    {
        if (keys is null)
        {
            writer.WriteNull("keys");
        }
        else
        {
            writer.WriteStartObject("keys");
            writer.WriteString("white", keys.White);
            writer.WriteString("black", keys.Black);
            writer.WriteEndObject();
        }

        if (yourColor is { } color)
        {
            writer.WriteString("yourColor", color.ToWord());
        }
        else
        {
            writer.WriteNull("yourColor");
        }

        writer.WriteBoolean("success", keys is not null);
        writer.WriteString("explanation", explanation);
    });

    private static byte[] Write(string messageType, Action<Utf8JsonWriter> writeData)
    {
        var frame = FrameWriter.Take();
        try
        {
            var writer = frame.Writer;
            writer.WriteStartObject();
            writer.WriteString("messageType", messageType);
            writer.WriteStartObject("data");
            writeData(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.Flush();
            return frame.Buffer.WrittenSpan.ToArray();
        }
        finally
        {
            FrameWriter.Return(frame);
        }
    }

    /// <summary>
    /// A buffer and JSON writer kept per thread and reused: a 19×19 <c>game_status</c> is 7.5 KB or more, and a fresh
    /// buffer for every frame, doubled from 256 bytes until it held one, was most of what the server allocated under load
    /// (docs/BENCHMARKS.md, "Allocation per action"). A frame written while another is being written on the same thread
    /// gets a fresh one, and one grown past <see cref="MaxKeptBytes"/> (a long chat thread) is not kept.
    /// </summary>
    private sealed class FrameWriter
    {
        private const int InitialBytes = 16 * 1024;
        private const int MaxKeptBytes = 64 * 1024;

        [ThreadStatic]
        private static FrameWriter? kept;

        private FrameWriter()
        {
            Buffer = new ArrayBufferWriter<byte>(InitialBytes);
            Writer = new Utf8JsonWriter(Buffer, WriterOptions);
        }

        public ArrayBufferWriter<byte> Buffer { get; }

        public Utf8JsonWriter Writer { get; }

        public static FrameWriter Take()
        {
            var frame = kept ?? new FrameWriter();
            kept = null;
            return frame;
        }

        public static void Return(FrameWriter frame)
        {
            if (frame.Buffer.Capacity > MaxKeptBytes)
            {
                frame.Writer.Dispose();
                return;
            }

            frame.Buffer.ResetWrittenCount();
            frame.Writer.Reset(frame.Buffer);
            kept = frame;
        }
    }
}
