using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>What the coordinator tells players. The ones of docs/PROTOCOL.md §4, §5.8 and §5.9 are verbatim.</summary>
internal static class CoordinatorMessages
{
    public static string NotFound(string key) => $"A game corresponding to key {key} was not found. Please double-check and try again";

    public static string AlreadyPlaying(string key) => $"You are already playing using that key ({key})";

    public static string SomeoneElse(string key) => $"Someone else is already playing using that key ({key})";

    public static string ComputerOnly(string key) => $"Key {key} is designated as a computer player and cannot be joined without the correct secret";

    public static string WrongSecret(string key) => $"The computer player's secret given for key {key} is not correct";

    public static string Joined(Color color, bool opponentIsComputer) =>
        $"Successfully (re)joined the game as {color.ToWord()}" + (opponentIsComputer ? ". The computer player will join shortly" : string.Empty);

    public static string Created(Color opponentColor, string opponentKey, string ownKey) =>
        $"Successfully created new game. Make sure to give the {opponentColor.ToWord()} player key ({opponentKey}) to your opponent so that they can join the game.  Your key is {ownKey}. Make sure to write it down in case you want to pause the game and resume it later, or if you want to view it once complete";

    public static string CreatedVersusComputer(string ownKey) =>
        $"Successfully created new game. Your key is {ownKey}. Make sure to write it down in case you want to pause the game and resume it later, or if you want to view it once complete. The AI player will join the game shortly";

    public const string Preempted = "Game action was preempted by other player";

    public const string StoreUnavailable = "The game could not be saved just now. Please try again in a moment";

    public const string SeatReleased = "You no longer hold this game's key. Join the game again to go on playing";

    public const string ChatEmpty = "A chat message cannot be empty";

    public const string ChatHasNul = "A chat message cannot contain NUL characters";

    public static string ChatTooLong(int max) => $"A chat message can have at most {max:N0} characters";

    public const string ChatSent = "Message sent";
}
