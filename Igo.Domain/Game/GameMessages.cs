namespace Igo.Domain;

/// <summary>
/// Every text a player reads about an action. The ones of docs/PROTOCOL.md §5 are verbatim (the compatibility endpoint
/// forwards them to igo-frontend unchanged); the others (undo, superko, the board's edge, not-permitted actions) are ours.
/// </summary>
internal static class GameMessages
{
    // §5.2 placement
    public static string NotYourTurn(Color player) => $"It isn't {player.ToWord()}'s turn";

    public static string Occupied(Point point) => $"Point {point} is occupied";

    public static string Suicide(Point point) => $"Playing at {point} is suicide";

    public static string SimpleKo(Point point) => $"Playing at {point} violates the simple ko rule";

    public static string Placed(Color player, Point point) => $"Successfully placed a {player.ToWord()} stone at {point}";

    public static string PositionalSuperko(Point point) => $"Playing at {point} violates the positional superko rule: it would repeat an earlier position";

    public static string SituationalSuperko(Point point) => $"Playing at {point} violates the situational superko rule: it would repeat an earlier position with the same player to move";

    public static string OffBoard(Point point, int size) => $"Point {point} is not on the {size}x{size} board";

    // §5.3, §5.4
    public static string Passed(Color player) => $"{player.ToTitle()} passed on their turn";

    public static string Resigned(Color player) => $"{player.ToTitle()} resigned";

    // §5.5 requests
    public static string DrawRequested(Color player) => $"{player.ToTitle()} requested a draw. Awaiting response...";

    public const string DrawWhilePending = "Cannot request draw while a previous request is pending";

    public const string MarkWhilePending = "Cannot mark stones as dead while a previous request is pending";

    public static string NoGroup(Point point) => $"There is no group at {point} to mark dead";

    public static string MarkedDead(int stones) => $"{stones} stones marked as dead. Awaiting response...";

    public static string TallyRequested(Color player) => $"{player.ToTitle()} requested that the score be tallied. Awaiting response...";

    public const string TallyWhilePending = "Cannot request score tally while a previous request is pending";

    public static string UndoRequested(Color player) => $"{player.ToTitle()} requested to take back their last move. Awaiting response...";

    public const string UndoWhilePending = "Cannot request an undo while a previous request is pending";

    public static string NothingToUndo(Color player) => $"{player.ToTitle()} has no move to take back";

    // §5.5 responses: "<Responder> accepted|rejected <initiator>'s <what>"
    public static string Answered(Color responder, bool accepted, Color initiator, string what) =>
        $"{responder.ToTitle()} {(accepted ? "accepted" : "rejected")} {initiator.ToWord()}'s {what}";

    public static string MarkDeadRequest(int stones, Color stoneColor) => $"request to mark {stones} {stoneColor.ToWord()} stones as dead";

    public const string ReturningToPlay = ". Returning to play to resolve";

    public const string DrawRequest = "draw request";

    public const string TallyRequest = "request to tally the score";

    public const string UndoRequest = "request to take back their last move";

    // Not permitted at all (the original's silent internal errors): said plainly for our own clients and logs.
    public const string GameIsComplete = "The game is complete: no more actions are possible";

    public const string PlacementNeedsPoint = "A stone placement needs a point";

    public const string MarkDeadNeedsPoint = "Marking dead stones needs a point on the chain";

    public const string NoRequestToAnswer = "There is no request to answer";

    public const string OwnRequest = "You cannot answer your own request";

    public const string UnknownPlayer = "The action names no known player";

    public const string UnknownAction = "Unknown action";

    public static string OnlyDuring(string what, string when, GameStatus status) =>
        $"You can {what} only {when}; the game is {Describe(status)}";

    private static string Describe(GameStatus status) => status switch
    {
        GameStatus.Play => "in play",
        GameStatus.Endgame => "in the endgame (both players passed)",
        GameStatus.RequestPending => "waiting for an answer to a request",
        _ => "complete",
    };
}
