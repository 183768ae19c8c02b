using System.Text.Json;
using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Web.Compat;

/// <summary>
/// Reads one client frame: a flat JSON object with <c>type</c> and its data fields (PROTOCOL.md §2.1). One forward pass with
/// <see cref="Utf8JsonReader"/>; unknown fields are skipped, and for a repeated field the last value counts (as in the original).
/// Every refusal carries a clear, non-empty message and never an exception's text.
/// </summary>
internal static class InboundParser
{
    private const string TypeList = "new_game, join_game, game_action, chat_message";

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow };

    public static ParseResult Parse(ReadOnlySpan<byte> utf8)
    {
        Fields fields;
        try
        {
            var reader = new Utf8JsonReader(utf8, ReaderOptions);
            if (!reader.Read())
            {
                return ParseResult.Refused("The message is empty: send one JSON object");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return ParseResult.Refused($"Each message must be one JSON object, not {Describe(reader.TokenType)}");
            }

            fields = ReadFields(ref reader);
            if (reader.Read())
            {
                return ParseResult.Refused("Each message must be exactly one JSON object, with nothing after it");
            }
        }
        catch (JsonException malformed)
        {
            return ParseResult.Refused(MalformedText(malformed));
        }
        catch (InvalidOperationException)
        {
            // Thrown when a string holds bytes that are not UTF-8.
            return ParseResult.Refused("The message is not valid UTF-8 JSON");
        }

        return Build(fields);
    }

    private static string MalformedText(JsonException malformed) =>
        malformed.LineNumber is { } line && malformed.BytePositionInLine is { } position
            ? $"The message is not valid JSON (error at line {line + 1}, byte {position + 1})"
            : "The message is not valid JSON";

    private static Fields ReadFields(ref Utf8JsonReader reader)
    {
        var fields = new Fields();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            var slot = name switch
            {
                _ when name.SequenceEqual("type"u8) => 0,
                _ when name.SequenceEqual("vs"u8) => 1,
                _ when name.SequenceEqual("color"u8) => 2,
                _ when name.SequenceEqual("size"u8) => 3,
                _ when name.SequenceEqual("komi"u8) => 4,
                _ when name.SequenceEqual("key"u8) => 5,
                _ when name.SequenceEqual("ai_secret"u8) => 6,
                _ when name.SequenceEqual("action_type"u8) => 7,
                _ when name.SequenceEqual("coords"u8) => 8,
                _ when name.SequenceEqual("message"u8) => 9,
                _ => -1,
            };
            if (reader.HasValueSequence || reader.ValueIsEscaped)
            {
                // An escaped name ("\u0074ype") is compared by its unescaped text.
                slot = SlotOf(reader.GetString());
            }

            reader.Read();
            if (slot == 8)
            {
                fields.Coords = ReadCoords(ref reader);
                continue;
            }

            var value = ReadValue(ref reader);
            switch (slot)
            {
                case 0: fields.Type = value; break;
                case 1: fields.Vs = value; break;
                case 2: fields.Color = value; break;
                case 3: fields.Size = value; break;
                case 4: fields.Komi = value; break;
                case 5: fields.Key = value; break;
                case 6: fields.Secret = value; break;
                case 7: fields.ActionType = value; break;
                case 9: fields.Message = value; break;
                default: break;
            }
        }

        return fields;
    }

    private static int SlotOf(string? name) => name switch
    {
        "type" => 0,
        "vs" => 1,
        "color" => 2,
        "size" => 3,
        "komi" => 4,
        "key" => 5,
        "ai_secret" => 6,
        "action_type" => 7,
        "coords" => 8,
        "message" => 9,
        _ => -1,
    };

    private static Field ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new Field(FieldKind.String, reader.GetString(), 0);
            case JsonTokenType.Number:
                // A number too large for a double reads as NaN, which every range check refuses.
                return new Field(FieldKind.Number, null, reader.TryGetDouble(out var number) ? number : double.NaN);
            case JsonTokenType.Null:
                return new Field(FieldKind.Null, null, 0);
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new Field(FieldKind.Boolean, null, 0);
            default:
                reader.Skip();
                return new Field(FieldKind.Structure, null, 0);
        }
    }

    private static Coords ReadCoords(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return Coords.None;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return Coords.Malformed;
        }

        Span<int> values = stackalloc int[2];
        var count = 0;
        var wellFormed = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Number && count < 2 && reader.TryGetInt32(out var value))
            {
                values[count] = value;
            }
            else
            {
                wellFormed = false;
                reader.Skip();
            }

            count++;
        }

        // [] counted as missing coords in the original; it is malformed here, like any array that is not two whole numbers.
        return wellFormed && count == 2 ? new Coords(CoordsKind.Given, new Point(values[0], values[1])) : Coords.Malformed;
    }

    private static ParseResult Build(Fields fields)
    {
        if (fields.Type.Kind == FieldKind.Absent)
        {
            return ParseResult.Refused($"The message has no \"type\"; expected one of {TypeList}");
        }

        if (fields.Type.Kind != FieldKind.String)
        {
            return ParseResult.Refused(WrongType("type", "a string"));
        }

        return fields.Type.Text switch
        {
            "new_game" => BuildNewGame(fields),
            "join_game" => BuildJoinGame(fields),
            "game_action" => BuildGameAction(fields),
            "chat_message" => BuildChat(fields),
            var other => ParseResult.Refused($"Unknown message type '{EchoText.Shorten(other)}'; expected one of {TypeList}"),
        };
    }

    private static ParseResult BuildNewGame(Fields fields)
    {
        if (Missing("new_game", ("vs", fields.Vs), ("color", fields.Color), ("size", fields.Size), ("komi", fields.Komi)) is { } missing)
        {
            return ParseResult.Refused(missing);
        }

        if (fields.Vs.Kind != FieldKind.String)
        {
            return ParseResult.Refused(WrongType("vs", "a string"));
        }

        if (fields.Color.Kind != FieldKind.String)
        {
            return ParseResult.Refused(WrongType("color", "a string"));
        }

        if (fields.Size.Kind != FieldKind.Number)
        {
            return ParseResult.Refused(WrongType("size", "a number"));
        }

        if (fields.Komi.Kind != FieldKind.Number)
        {
            return ParseResult.Refused(WrongType("komi", "a number"));
        }

        OpponentKind? opponent = fields.Vs.Text switch
        {
            "human" => OpponentKind.Human,
            "computer" => OpponentKind.Computer,
            _ => null,
        };
        if (opponent is null)
        {
            return ParseResult.Refused($"Unknown vs '{EchoText.Shorten(fields.Vs.Text)}'; expected human or computer");
        }

        if (!ProtocolNames.TryParseColor(fields.Color.Text!, out var color))
        {
            return ParseResult.Refused($"Unknown color '{EchoText.Shorten(fields.Color.Text)}'; expected white or black");
        }

        return new ParseResult(new NewGameMessage(opponent.Value, color, fields.Size.Number, fields.Komi.Number), null);
    }

    private static ParseResult BuildJoinGame(Fields fields)
    {
        if (Missing("join_game", ("key", fields.Key)) is { } missing)
        {
            return ParseResult.Refused(missing);
        }

        if (fields.Key.Kind != FieldKind.String)
        {
            return ParseResult.Refused(WrongType("key", "a string"));
        }

        if (fields.Secret.Kind is not (FieldKind.Absent or FieldKind.Null or FieldKind.String))
        {
            return ParseResult.Refused(WrongType("ai_secret", "a string"));
        }

        return new ParseResult(new JoinGameMessage(fields.Key.Text!, fields.Secret.Text), null);
    }

    private static ParseResult BuildGameAction(Fields fields)
    {
        if (Missing("game_action", ("key", fields.Key), ("action_type", fields.ActionType)) is { } missing)
        {
            return ParseResult.Refused(missing);
        }

        if (fields.Key.Kind != FieldKind.String)
        {
            return ParseResult.Refused(WrongType("key", "a string"));
        }

        if (fields.ActionType.Kind != FieldKind.String)
        {
            return ParseResult.Refused(WrongType("action_type", "a string"));
        }

        var name = fields.ActionType.Text!;
        if (!ProtocolNames.TryParseActionType(name, out var action))
        {
            return ParseResult.Refused($"Unknown action_type '{EchoText.Shorten(name)}'; expected one of {ProtocolNames.ActionTypeList}");
        }

        return new ParseResult(new GameActionMessage(fields.Key.Text!, action, name, fields.Coords), null);
    }

    private static ParseResult BuildChat(Fields fields)
    {
        if (Missing("chat_message", ("key", fields.Key), ("message", fields.Message)) is { } missing)
        {
            return ParseResult.Refused(missing);
        }

        if (fields.Key.Kind != FieldKind.String)
        {
            return ParseResult.Refused(WrongType("key", "a string"));
        }

        if (fields.Message.Kind != FieldKind.String)
        {
            return ParseResult.Refused(WrongType("message", "a string"));
        }

        return new ParseResult(new ChatInMessage(fields.Key.Text!, fields.Message.Text!), null);
    }

    private static string? Missing(string type, params ReadOnlySpan<(string Name, Field Value)> required)
    {
        foreach (var (name, value) in required)
        {
            if (value.Kind == FieldKind.Absent)
            {
                return $"Required key {name} not found in incoming {type} message";
            }
        }

        return null;
    }

    private static string WrongType(string name, string expected) => $"\"{name}\" must be {expected}";

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "that",
    };

    private enum FieldKind
    {
        Absent,
        Null,
        String,
        Number,
        Boolean,
        Structure,
    }

    private readonly record struct Field(FieldKind Kind, string? Text, double Number);

    private struct Fields
    {
        public Field Type;
        public Field Vs;
        public Field Color;
        public Field Size;
        public Field Komi;
        public Field Key;
        public Field Secret;
        public Field ActionType;
        public Field Message;
        public Coords Coords;
    }
}
