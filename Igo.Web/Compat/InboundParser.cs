using System.Text.Json;
using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Web.Compat;

/// <summary>
/// Reads one client frame: a flat JSON object with <c>type</c> and its data fields (docs/PROTOCOL.md §2.1). Unknown fields are
/// ignored, and for a repeated field the last value counts, as in the original (<see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>
/// matches the last one). Every refusal carries a clear, non-empty message and never an exception's text.
/// </summary>
internal static class InboundParser
{
    private const string TypeList = "new_game, join_game, game_action, chat_message";

    // Comments stay disallowed (the default): the frontend never sends them.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    /// <remarks>The document reads <paramref name="utf8"/> in place, without a copy, and is released before this returns.</remarks>
    public static ParseResult Parse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8, DocumentOptions);
            var message = document.RootElement;
            return message.ValueKind == JsonValueKind.Object
                ? Build(message)
                : ParseResult.Refused($"Each message must be one JSON object, not {Describe(message.ValueKind)}");
        }
        catch (JsonException malformed)
        {
            return ParseResult.Refused(MalformedText(malformed));
        }
        catch (InvalidOperationException)
        {
            // Thrown when a string field the message needs holds bytes that are not UTF-8.
            return ParseResult.Refused("The message is not valid UTF-8 JSON");
        }
    }

    private static string MalformedText(JsonException malformed) =>
        malformed.LineNumber is { } line && malformed.BytePositionInLine is { } position
            ? $"The message is not valid JSON (error at line {line + 1}, byte {position + 1})"
            : "The message is not valid JSON";

    private static ParseResult Build(JsonElement message)
    {
        if (!message.TryGetProperty("type", out var type))
        {
            return ParseResult.Refused($"The message has no \"type\"; expected one of {TypeList}");
        }

        if (type.ValueKind != JsonValueKind.String)
        {
            return ParseResult.Refused(WrongType("type", "a string"));
        }

        return type.GetString() switch
        {
            "new_game" => BuildNewGame(message),
            "join_game" => BuildJoinGame(message),
            "game_action" => BuildGameAction(message),
            "chat_message" => BuildChat(message),
            var other => ParseResult.Refused($"Unknown message type '{EchoText.Shorten(other)}'; expected one of {TypeList}"),
        };
    }

    private static ParseResult BuildNewGame(JsonElement message)
    {
        if ((Missing(message, "new_game", "vs", "color", "size", "komi")
             ?? NotA(message, "vs", JsonValueKind.String)
             ?? NotA(message, "color", JsonValueKind.String)
             ?? NotA(message, "size", JsonValueKind.Number)
             ?? NotA(message, "komi", JsonValueKind.Number)) is { } refusal)
        {
            return ParseResult.Refused(refusal);
        }

        var vs = message.GetProperty("vs").GetString();
        OpponentKind? opponent = vs switch
        {
            "human" => OpponentKind.Human,
            "computer" => OpponentKind.Computer,
            _ => null,
        };
        if (opponent is null)
        {
            return ParseResult.Refused($"Unknown vs '{EchoText.Shorten(vs)}'; expected human or computer");
        }

        var colorName = message.GetProperty("color").GetString()!;
        if (!ProtocolNames.TryParseColor(colorName, out var color))
        {
            return ParseResult.Refused($"Unknown color '{EchoText.Shorten(colorName)}'; expected white or black");
        }

        return new ParseResult(new NewGameMessage(opponent.Value, color, Number(message, "size"), Number(message, "komi")), null);
    }

    private static ParseResult BuildJoinGame(JsonElement message)
    {
        if ((Missing(message, "join_game", "key") ?? NotA(message, "key", JsonValueKind.String)) is { } refusal)
        {
            return ParseResult.Refused(refusal);
        }

        string? secret = null;
        if (message.TryGetProperty("ai_secret", out var given) && given.ValueKind != JsonValueKind.Null)
        {
            if (given.ValueKind != JsonValueKind.String)
            {
                return ParseResult.Refused(WrongType("ai_secret", "a string"));
            }

            secret = given.GetString();
        }

        return new ParseResult(new JoinGameMessage(Text(message, "key"), secret), null);
    }

    private static ParseResult BuildGameAction(JsonElement message)
    {
        if ((Missing(message, "game_action", "key", "action_type")
             ?? NotA(message, "key", JsonValueKind.String)
             ?? NotA(message, "action_type", JsonValueKind.String)) is { } refusal)
        {
            return ParseResult.Refused(refusal);
        }

        var name = Text(message, "action_type");
        if (!ProtocolNames.TryParseActionType(name, out var action))
        {
            return ParseResult.Refused($"Unknown action_type '{EchoText.Shorten(name)}'; expected one of {ProtocolNames.ActionTypeList}");
        }

        return new ParseResult(new GameActionMessage(Text(message, "key"), action, name, ReadCoords(message)), null);
    }

    private static ParseResult BuildChat(JsonElement message)
    {
        if ((Missing(message, "chat_message", "key", "message")
             ?? NotA(message, "key", JsonValueKind.String)
             ?? NotA(message, "message", JsonValueKind.String)) is { } refusal)
        {
            return ParseResult.Refused(refusal);
        }

        return new ParseResult(new ChatInMessage(Text(message, "key"), Text(message, "message")), null);
    }

    private static Coords ReadCoords(JsonElement message)
    {
        if (!message.TryGetProperty("coords", out var coords) || coords.ValueKind == JsonValueKind.Null)
        {
            return Coords.None;
        }

        // [] counted as missing coords in the original; it is malformed here, like any value that is not two whole numbers.
        return coords.ValueKind == JsonValueKind.Array && coords.GetArrayLength() == 2 && WholeNumber(coords[0]) is { } row && WholeNumber(coords[1]) is { } column
            ? new Coords(CoordsKind.Given, new Point(row, column))
            : Coords.Malformed;
    }

    private static int? WholeNumber(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    /// <summary>The first required field that is absent (null counts as present, and is refused by its type check).</summary>
    private static string? Missing(JsonElement message, string type, params ReadOnlySpan<string> required)
    {
        foreach (var name in required)
        {
            if (!message.TryGetProperty(name, out _))
            {
                return $"Required key {name} not found in incoming {type} message";
            }
        }

        return null;
    }

    private static string? NotA(JsonElement message, string name, JsonValueKind kind) =>
        message.GetProperty(name).ValueKind == kind ? null : WrongType(name, kind == JsonValueKind.String ? "a string" : "a number");

    private static string Text(JsonElement message, string name) => message.GetProperty(name).GetString()!;

    // A number too large for a double is refused by every range check that follows, as infinity or NaN.
    private static double Number(JsonElement message, string name) =>
        message.GetProperty(name).TryGetDouble(out var number) ? number : double.NaN;

    private static string WrongType(string name, string expected) => $"\"{name}\" must be {expected}";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "that",
    };
}
