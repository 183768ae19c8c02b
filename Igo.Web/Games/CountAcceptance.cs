using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>
/// What accepting the scoring phase's count means for a player on the game as it stands: answering the opponent's
/// pending acceptance (the count request) ends the game; otherwise it is the player's own, which waits for the other's.
/// Decided on the game's queue, so that two players accepting at once end the game instead of both waiting.
/// </summary>
public static class CountAcceptance
{
    public static ActionType ActionFor(Game game, Color player)
    {
        ArgumentNullException.ThrowIfNull(game);
        return game.PendingRequest is { Type: RequestType.TallyScore } pending && pending.Initiator != player
            ? ActionType.Accept
            : ActionType.RequestTally;
    }
}
