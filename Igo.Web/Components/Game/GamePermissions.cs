using Igo.Domain;

namespace Igo.Web.Components.Game;

/// <summary>
/// Which actions a player may take in a view, after PROTOCOL.md §5.6: the controls are enabled from this, so a
/// button is never offered that the rules would refuse for its status or turn.
/// </summary>
public sealed record GamePermissions(
    bool CanPlace,
    bool CanPass,
    bool CanResign,
    bool CanRequestDraw,
    bool CanRequestUndo,
    bool CanMarkDead,
    bool CanRequestTally,
    bool MustAnswer,
    bool AwaitingAnswer)
{
    public static readonly GamePermissions None = new(false, false, false, false, false, false, false, false, false);

    public static GamePermissions For(GameView view, Color player)
    {
        ArgumentNullException.ThrowIfNull(view);
        var playing = view.Status == GameStatus.Play;
        var myTurn = playing && view.Turn == player;
        var endgame = view.Status == GameStatus.Endgame;
        var pending = view.Status == GameStatus.RequestPending ? view.PendingRequest : null;
        return new GamePermissions(
            CanPlace: myTurn,
            CanPass: myTurn,
            CanResign: playing,
            CanRequestDraw: myTurn,
            // A take-back undoes the requester's own last move, so it is asked while the opponent is to play.
            CanRequestUndo: playing && view.Turn != player && view.LastMove is not null,
            CanMarkDead: endgame,
            CanRequestTally: endgame,
            MustAnswer: pending is not null && pending.Initiator != player,
            AwaitingAnswer: pending is not null && pending.Initiator == player);
    }
}
