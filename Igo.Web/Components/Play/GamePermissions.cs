using Igo.Domain;

namespace Igo.Web.Components.Play;

/// <summary>
/// Which actions a player may take in a view, after docs/PROTOCOL.md §5.6: the controls are enabled from this, so a
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
            CanRequestUndo: playing && HasMoved(view, player),
            CanMarkDead: endgame || (view.Scoring is not null && pending?.Type == RequestType.TallyScore),
            CanRequestTally: endgame,
            MustAnswer: pending is not null && pending.Initiator != player,
            AwaitingAnswer: pending is not null && pending.Initiator == player);
    }

    // A take-back needs a move of the requester's own. Moves alternate (passes included), and white moves first
    // after a handicap, so the count of moves tells whether this player has made one.
    private static bool HasMoved(GameView view, Color player)
    {
        var first = view.Rules.Handicap >= 2 ? Color.White : Color.Black;
        return view.MoveNumber >= (player == first ? 1 : 2);
    }
}
