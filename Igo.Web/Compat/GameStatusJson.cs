using System.Text.Json;
using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Web.Compat;

/// <summary>
/// The <c>game_status</c> data: all ten state fields, always present (the frontend merges them into its state, so a missing
/// one would leave a stale value), with four-element point arrays (docs/PROTOCOL.md §3.1).
/// </summary>
internal static class GameStatusJson
{
    private static readonly byte[][] PointArrays = BuildPointArrays();

    public static void WriteData(Utf8JsonWriter writer, GameSnapshot snapshot)
    {
        var view = snapshot.View;
        WriteBoard(writer, view);

        // A request the frontend has no name for (an undo asked by a Blazor player) reads as play: the frontend would throw
        // on an unknown request type, and the other player answers it in the Blazor UI.
        var request = view.PendingRequest is { } pending && ProtocolNames.Request(pending.Type) is { } requestName
            ? (pending.Initiator, Name: requestName)
            : ((Color Initiator, string Name)?)null;
        var status = view.Status == Domain.GameStatus.RequestPending && request is null ? Domain.GameStatus.Play : view.Status;

        writer.WriteString("status", ProtocolNames.Status(status));
        writer.WriteNumber("komi", view.Rules.Komi);
        WritePerColor(writer, "prisoners", view.Prisoners);
        writer.WriteString("turn", view.Turn.ToWord());
        WritePerColor(writer, "territory", view.Territory);

        if (request is { } open)
        {
            writer.WriteStartObject("pendingRequest");
            writer.WriteString("requestType", open.Name);
            writer.WriteString("initiator", open.Initiator.ToWord());
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("pendingRequest");
        }

        if (view.Status == Domain.GameStatus.Complete && view.Result is { } result)
        {
            writer.WriteStartObject("result");
            writer.WriteString("resultType", ProtocolNames.Result(result));
            if (result.Winner is { } winner)
            {
                writer.WriteString("winner", winner.ToWord());
            }
            else
            {
                writer.WriteNull("winner");
            }

            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("result");
        }

        if (view.LastMove is { } last)
        {
            writer.WriteStartArray("lastMove");
            writer.WriteNumberValue(last.Row);
            writer.WriteNumberValue(last.Col);
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNull("lastMove");
        }

        writer.WriteNumber("timePlayed", snapshot.TimePlayedSeconds);
    }

    private static void WriteBoard(Utf8JsonWriter writer, GameView view)
    {
        writer.WriteStartObject("board");
        writer.WriteNumber("size", view.Size);
        writer.WriteStartArray("points");
        for (var row = 0; row < view.Size; row++)
        {
            writer.WriteStartArray();
            for (var col = 0; col < view.Size; col++)
            {
                writer.WriteRawValue(Encoded(view.Points[(row * view.Size) + col]), skipInputValidation: true);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// The four-element array of a point, <c>[stone, markedDead, counted, countsFor]</c>, from a table of the few that
    /// exist: a 19×19 board is 361 of them in every game_status.
    /// </summary>
    private static byte[] Encoded(PointState point) => PointArrays[Index(point.Stone, point.MarkedDead, point.Counted, point.CountsFor)];

    private static int Index(Stone stone, bool marked, bool counted, Stone owner) =>
        (((((int)stone * 2) + (marked ? 1 : 0)) * 2) + (counted ? 1 : 0)) * 3 + (int)owner;

    private static byte[][] BuildPointArrays()
    {
        var arrays = new byte[3 * 2 * 2 * 3][];
        foreach (var stone in new[] { Stone.Empty, Stone.Black, Stone.White })
        {
            foreach (var marked in new[] { false, true })
            {
                foreach (var counted in new[] { false, true })
                {
                    foreach (var owner in new[] { Stone.Empty, Stone.Black, Stone.White })
                    {
                        var text = $"[\"{ProtocolNames.StoneCode(stone)}\",{(marked ? "true" : "false")},{(counted ? "true" : "false")},\"{ProtocolNames.StoneCode(owner)}\"]";
                        arrays[Index(stone, marked, counted, owner)] = System.Text.Encoding.UTF8.GetBytes(text);
                    }
                }
            }
        }

        return arrays;
    }

    private static void WritePerColor(Utf8JsonWriter writer, string name, PerColor<int> counts)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("white", counts.White);
        writer.WriteNumber("black", counts.Black);
        writer.WriteEndObject();
    }
}
