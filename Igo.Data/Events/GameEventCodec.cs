using System.Globalization;
using System.Text;
using Igo.Domain;

namespace Igo.Data.Events;

/// <summary>
/// The NOTIFY payload format: one event per line, many events per payload, each payload under PostgreSQL's 8000-byte
/// limit. Lines: <c>o origin</c> (applies to the lines after it), <c>a game version type colour row col atTicks
/// timePlayed sinceTicks</c>, <c>c game version chatId</c>, <c>p game version colour 1|0</c>, <c>s game messageId</c> (spectators' chat), <c>n game</c> (spectator count), <c>r game version</c> (rematch), <c>l</c> (the lobby changed: at most one per encoded batch); "-" for none.
/// </summary>
public static class GameEventCodec
{
    /// <summary>Below the server's 8000-byte payload limit with room to spare.</summary>
    public const int MaxPayloadBytes = 7800;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Packs events into as few payloads as fit, keeping their order.</summary>
    public static IReadOnlyList<string> Encode(IEnumerable<GameEvent> events, int maxPayloadBytes = MaxPayloadBytes)
    {
        ArgumentNullException.ThrowIfNull(events);
        var payloads = new List<string>();
        var current = new StringBuilder();
        var currentBytes = 0;
        Guid? currentOrigin = null;
        var lobbyChanged = false;
        foreach (var gameEvent in events)
        {
            // A lobby change only makes receivers re-read the lists: one in a batch says all that many would.
            if (gameEvent is ResyncNeeded || (gameEvent is LobbyChanged && lobbyChanged))
            {
                continue;
            }

            lobbyChanged |= gameEvent is LobbyChanged;

            var line = EncodeLine(gameEvent);
            var originLine = gameEvent.Origin == currentOrigin ? null : $"o {gameEvent.Origin:N}\n";
            var bytes = Encoding.UTF8.GetByteCount(line) + (originLine?.Length ?? 0);
            if (currentBytes > 0 && currentBytes + bytes > maxPayloadBytes)
            {
                payloads.Add(current.ToString());
                current.Clear();
                currentBytes = 0;
                originLine = $"o {gameEvent.Origin:N}\n";
                bytes = Encoding.UTF8.GetByteCount(line) + originLine.Length;
            }

            current.Append(originLine).Append(line);
            currentBytes += bytes;
            currentOrigin = gameEvent.Origin;
        }

        if (currentBytes > 0)
        {
            payloads.Add(current.ToString());
        }

        return payloads;
    }

    /// <summary>Reads a payload back. Throws <see cref="FormatException"/> on a line it does not understand.</summary>
    public static IReadOnlyList<GameEvent> Decode(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var events = new List<GameEvent>();
        var origin = Guid.Empty;
        foreach (var line in payload.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            switch (fields[0])
            {
                case "o" when fields.Length == 2:
                    origin = Guid.ParseExact(fields[1], "N");
                    break;
                case "a" when fields.Length == 10:
                    events.Add(DecodeAction(fields, origin));
                    break;
                case "c" when fields.Length == 4:
                    events.Add(new ChatPosted(Long(fields[1]), Int(fields[2]), origin, Long(fields[3])));
                    break;
                case "p" when fields.Length == 5:
                    events.Add(new PresenceChanged(Long(fields[1]), Int(fields[2]), origin, ColorOf(fields[3]), fields[4] == "1"));
                    break;
                case "s" when fields.Length == 3:
                    events.Add(new SpectatorChatPosted(Long(fields[1]), origin, Long(fields[2])));
                    break;
                case "n" when fields.Length == 2:
                    events.Add(new SpectatorsChanged(Long(fields[1]), origin));
                    break;
                case "l" when fields.Length == 1:
                    events.Add(new LobbyChanged(origin));
                    break;
                case "r" when fields.Length == 3:
                    events.Add(new RematchChanged(Long(fields[1]), Int(fields[2]), origin));
                    break;
                default:
                    throw new FormatException($"Unknown event line kind '{fields[0]}' with {fields.Length} fields");
            }
        }

        return events;
    }

    private static string EncodeLine(GameEvent gameEvent) => gameEvent switch
    {
        ActionCommitted a => string.Create(Invariant, $"a {a.GameId} {a.Version} {a.Action.Type} {Letter(a.Action.Player)} {Optional(a.Action.Point?.Row)} {Optional(a.Action.Point?.Col)} {a.Action.At.UtcTicks} {a.TimePlayedSeconds:R} {Optional(a.ClockRunningSince?.UtcTicks)}\n"),
        ChatPosted c => string.Create(Invariant, $"c {c.GameId} {c.Version} {c.ChatId}\n"),
        PresenceChanged p => string.Create(Invariant, $"p {p.GameId} {p.Version} {Letter(p.Color)} {(p.Connected ? 1 : 0)}\n"),
        SpectatorChatPosted s => string.Create(Invariant, $"s {s.GameId} {s.MessageId}\n"),
        SpectatorsChanged n => string.Create(Invariant, $"n {n.GameId}\n"),
        RematchChanged r => string.Create(Invariant, $"r {r.GameId} {r.Version}\n"),
        LobbyChanged => "l\n",
        _ => throw new ArgumentException($"Cannot encode {gameEvent.GetType().Name}", nameof(gameEvent)),
    };

    private static ActionCommitted DecodeAction(string[] f, Guid origin)
    {
        var point = f[5] == "-" ? (Point?)null : new Point(Int(f[5]), Int(f[6]));
        var action = new GameAction(Enum.Parse<ActionType>(f[3]), ColorOf(f[4]), point, new DateTimeOffset(Long(f[7]), TimeSpan.Zero));
        var since = f[9] == "-" ? (DateTimeOffset?)null : new DateTimeOffset(Long(f[9]), TimeSpan.Zero);
        return new ActionCommitted(Long(f[1]), Int(f[2]), origin, action, double.Parse(f[8], NumberStyles.Float, Invariant), since);
    }

    private static string Letter(Color color) => color == Color.Black ? "b" : "w";

    private static Color ColorOf(string letter) => letter switch
    {
        "b" => Color.Black,
        "w" => Color.White,
        _ => throw new FormatException($"Unknown colour '{letter}'"),
    };

    private static string Optional(long? value) => value?.ToString(Invariant) ?? "-";

    private static string Optional(int? value) => value?.ToString(Invariant) ?? "-";

    private static long Long(string text) => long.Parse(text, NumberStyles.Integer, Invariant);

    private static int Int(string text) => int.Parse(text, NumberStyles.Integer, Invariant);
}
