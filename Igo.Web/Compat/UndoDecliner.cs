using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Web.Compat;

/// <summary>
/// Answers "no" for an igo-frontend player to an undo request from a Blazor opponent. The frontend cannot show such a
/// request (it throws on an unknown request type, so it is shown as play) and could never answer it, and while a request
/// is pending nobody can play: without this, the game would be stuck. The original had no undo, so declining keeps the
/// game the frontend player knows. Each request is declined once; the outcome reaches both players as a game_status.
/// </summary>
internal sealed class UndoDecliner(IGameSeat seat, ILogger logger)
{
    private long declinedAtVersion = -1;

    public void Consider(GameSnapshot snapshot)
    {
        if (snapshot.View is not { Status: GameStatus.RequestPending, PendingRequest: { Type: RequestType.Undo } request } view
            || request.Initiator == seat.Color
            || Interlocked.Exchange(ref declinedAtVersion, view.Version) == view.Version)
        {
            return;
        }

        _ = DeclineAsync();
    }

    private async Task DeclineAsync()
    {
        try
        {
            await seat.ActAsync(ActionType.Reject, null);
        }
#pragma warning disable CA1031 // The request stays open and the next state change tries again.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            // The request stays open; the next state change tries again.
            CompatLog.DeclineFailed(logger, failure);
            Interlocked.Exchange(ref declinedAtVersion, -1);
        }
    }
}
