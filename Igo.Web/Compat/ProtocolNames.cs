using Igo.Domain;

namespace Igo.Web.Compat;

/// <summary>The old protocol's names for the domain's values, in both directions (docs/PROTOCOL.md §2, §3).</summary>
internal static class ProtocolNames
{
    public const string ActionTypeList = "place_stone, pass_turn, mark_dead, request_draw, resign, request_tally_score, accept, reject";

    public static bool TryParseActionType(string name, out ActionType type)
    {
        ActionType? parsed = name switch
        {
            "place_stone" => ActionType.PlaceStone,
            "pass_turn" => ActionType.Pass,
            "mark_dead" => ActionType.MarkDead,
            "request_draw" => ActionType.RequestDraw,
            "resign" => ActionType.Resign,
            "request_tally_score" => ActionType.RequestTally,
            "accept" => ActionType.Accept,
            "reject" => ActionType.Reject,
            _ => null,
        };
        type = parsed ?? default;
        return parsed is not null;
    }

    public static string ActionName(ActionType type) => type switch
    {
        ActionType.PlaceStone => "place_stone",
        ActionType.Pass => "pass_turn",
        ActionType.MarkDead => "mark_dead",
        ActionType.RequestDraw => "request_draw",
        ActionType.Resign => "resign",
        ActionType.RequestTally => "request_tally_score",
        ActionType.Accept => "accept",
        ActionType.Reject => "reject",
        ActionType.RequestUndo => "request_undo",
        _ => type.ToString(),
    };

    public static bool NeedsPoint(ActionType type) => type is ActionType.PlaceStone or ActionType.MarkDead;

    public static bool TryParseColor(string name, out Color color)
    {
        color = name == "white" ? Color.White : Color.Black;
        return name is "white" or "black";
    }

    public static string Status(GameStatus status) => status switch
    {
        GameStatus.Play => "play",
        GameStatus.Endgame => "endgame",
        GameStatus.RequestPending => "request_pending",
        GameStatus.Complete => "complete",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The protocol's request names; null for a request the frontend has no name for (undo, from a Blazor player).</summary>
    public static string? Request(RequestType type) => type switch
    {
        RequestType.MarkDead => "mark_dead",
        RequestType.Draw => "draw",
        RequestType.TallyScore => "tally_score",
        _ => null,
    };

    /// <summary>
    /// The protocol's result names. The frontend knows three and throws on any other; it shows a standard win as
    /// "&lt;Winner&gt; won" and a resignation as "&lt;Loser&gt; resigned". A win on time or by forfeit reads as a
    /// standard win, the one that is true of it (docs/COMPATIBILITY.md, "Timed games"); any other kind as a win, or a
    /// draw without a winner.
    /// </summary>
    public static string Result(GameResult result) => result.Type switch
    {
        ResultType.StandardWin or ResultType.Time or ResultType.Forfeit => "standard_win",
        ResultType.Draw => "draw",
        ResultType.Resignation => "resignation",
        _ => result.Winner is null ? "draw" : "standard_win",
    };

    /// <summary>One-letter stone codes of the point arrays; colours elsewhere are full words.</summary>
    public static string StoneCode(Stone stone) => stone switch
    {
        Stone.Black => "b",
        Stone.White => "w",
        _ => string.Empty,
    };
}
