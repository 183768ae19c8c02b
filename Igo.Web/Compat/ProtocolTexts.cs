using System.Globalization;
using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Web.Compat;

/// <summary>
/// Every text this endpoint shows to an igo-frontend player, but the rules' own (<see cref="RuleTexts"/>). The original's
/// strings are verbatim (docs/PROTOCOL.md §4, §5.9); the others explain what this port refuses beyond the original
/// (docs/COMPATIBILITY.md). <see cref="OutcomeTexts"/> picks the one that fits a coordinator's answer.
/// </summary>
internal static class ProtocolTexts
{
    public static string CreatedVsHuman(GameKeys keys, Color creator) =>
        $"Successfully created new game. Make sure to give the {creator.Opponent().ToWord()} player key ({keys.For(creator.Opponent())}) to your opponent so that they can join the game.  Your key is {keys.For(creator)}. Make sure to write it down in case you want to pause the game and resume it later, or if you want to view it once complete";

    public static string CreatedVsComputer(GameKeys keys, Color creator) =>
        $"Successfully created new game. Your key is {keys.For(creator)}. Make sure to write it down in case you want to pause the game and resume it later, or if you want to view it once complete. The AI player will join the game shortly";

    public static string Joined(Color color, bool opponentIsComputer) =>
        opponentIsComputer
            ? $"Successfully (re)joined the game as {color.ToWord()}. The computer player will join shortly"
            : $"Successfully (re)joined the game as {color.ToWord()}";

    public static string KeyNotFound(string key) =>
        $"A game corresponding to key {key} was not found. Please double-check and try again";

    public static string AlreadyPlaying(string key) => $"You are already playing using that key ({key})";

    public static string SomeoneElsePlaying(string key) => $"Someone else is already playing using that key ({key})";

    public static string ComputerOnly(string key) =>
        $"Key {key} is designated as a computer player and cannot be joined without the correct secret";

    public const string Preempted = "Game action was preempted by other player";

    public const string SaveUnavailable = "The game could not be saved just now. Please try again in a moment";

    public const string SeatReleased = "You no longer hold this game's key. Join the game again to go on playing";

    // The three error texts of docs/PROTOCOL.md §3.4 for a key this connection does not hold.
    public static string UnknownKey(string key) => $"Received message with unknown key {key}";

    public const string NotSubscribed = "Received message from a client who isn't subscribed to anything";

    public static string NotSubscribedToKey(string key) =>
        $"Received message with key {key} from a client who isn't subscribed to that key";

    // Beyond the original: refusals that the original did not make, each with a clear explanation.
    public const string BoardSizeRefused = "The board size must be 9, 13 or 19";

    public const string KomiRefused = "Komi must be a number from 0 to 100.5";

    public const string WrongSecret = "The computer player's secret does not match that key";

    public const string ServiceUnavailable = "The game server could not complete that just now. Please try again in a moment";

    public const string InternalError = "The game server could not handle that message. Please try again";

    public static string UnsupportedBoardSize(int size) =>
        $"This game is played on a {size}x{size} board, which this client cannot show (only 9, 13 and 19 are supported)";

    /// <summary>Null when the action's coords name a point of a board of this size; else why not.</summary>
    public static string? CoordsRefusal(GameActionMessage message, int size) => message.Coords.Kind switch
    {
        CoordsKind.None => $"{message.ActionName} needs coords: [row, col], two whole numbers",
        CoordsKind.Malformed => "coords must be [row, col]: an array of two whole numbers",
        _ when !message.Coords.Point.IsOnBoard(size) => string.Create(
            CultureInfo.InvariantCulture,
            $"Point {message.Coords.Point} is not on the {size}x{size} board: rows and columns run from 0 to {size - 1}"),
        _ => null,
    };

    /// <summary>For a refusal the endpoint has no words of its own for (one the rules gained after this was written).</summary>
    public static string NotPermitted(string actionType, GameStatus status) =>
        $"{actionType} is not allowed while {Describe(status)}";

    public const string BinaryFrame = "Binary frames are not accepted: send each message as a text frame holding one JSON object";

    public static string TooLarge(int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"The message is larger than the limit of {limit} bytes; closing the connection");

    public static string TooManyPending(int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"Too many messages waiting for an answer (more than {limit}); closing the connection");

    /// <summary>For an accepted action the endpoint has no words of its own for.</summary>
    public static string Done(string actionType) => $"{actionType} done";

    public static string ChatTooLong(int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"The chat message is longer than the limit of {limit} characters and was not sent");

    public const string ChatEmpty = "The chat message is empty and was not sent";

    public static string TooManyConnections(int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"Too many connections from your address (at most {limit} at once). Close another game's tab and try again");

    // "Too many failed attempts to join from your address; try again in N s" is JoinAttempt.RefusalText: the Blazor UI
    // shows the same sentence.

    public static string ChatThrottled(string seconds) =>
        $"You are sending chat messages too fast; this one was not sent. Try again in {seconds} s";

    // The frontend has no claim button; a claim reaches this endpoint's words only if a client sends one some day.
    public const string OpponentNotGone = "Your opponent is still connected, or has not been away long enough for the game to be claimed";

    public const string ChatHasNul = "The chat message contains a NUL character and was not sent";

    private static string Describe(GameStatus status) => status switch
    {
        GameStatus.Play => "the game is in play",
        GameStatus.Endgame => "the game is in the endgame (both players passed)",
        GameStatus.RequestPending => "a request is awaiting an answer",
        GameStatus.Complete => "the game is complete",
        _ => "the game is in this state",
    };
}
