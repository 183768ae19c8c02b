using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Web.Components.Play;

/// <summary>What the game page shows of the seat it holds, worked out from the seat and the newest snapshot of its game.</summary>
public sealed record HeldSeat(IGameSeat Seat, GameSnapshot Snapshot)
{
    public GameView View => Snapshot.View;

    public Color Player => Seat.Color;

    public Color Opponent => Player.Opponent();

    public GamePermissions Permissions { get; } = GamePermissions.For(Snapshot.View, Seat.Color);

    public BoardMode Mode => Permissions switch
    {
        { CanPlace: true } => BoardMode.Place,
        { CanMarkDead: true } => BoardMode.MarkDead,
        _ => BoardMode.Watch,
    };

    public bool Tallied => View.Score is not null;

    /// <summary>The opponent is a person who is not connected to a game still going on.</summary>
    public bool OpponentAway => !Seat.OpponentIsComputer && !Snapshot.Connected[Opponent] && View.Status != GameStatus.Complete;

    /// <summary>
    /// Since when each colour has been away, from the seat's newest snapshot: a presence change reaches the page's
    /// state as a connected flag only, and the seat's copy has the time it comes with.
    /// </summary>
    public PerColor<DateTimeOffset?> AwaySince => Seat.Snapshot.AwaySince;

    /// <summary>
    /// The opponent, a person, has never held their key (a key once let go has an away time): the invite matters most
    /// until they first come, however many moves were played meanwhile.
    /// </summary>
    public bool WaitingForOpponent => OpponentAway && AwaySince[Opponent] is null;

    /// <summary>The key to send a person to play the other side; none against the computer.</summary>
    public string? OpponentKey => Seat.OpponentIsComputer ? null : Seat.Keys.For(Opponent);

    /// <summary>The players as the page lists them, this seat's first.</summary>
    public IReadOnlyList<Color> PlayerOrder => Player == Color.Black ? [Color.Black, Color.White] : [Color.White, Color.Black];

    /// <summary>The tab's title, which says when the player is wanted.</summary>
    public string Title => View.Status switch
    {
        GameStatus.Play when View.Turn == Player => "● Your move · Igo",
        GameStatus.RequestPending when View.PendingRequest?.Initiator == Opponent => "● Answer needed · Igo",
        GameStatus.Complete => "Game over · Igo",
        _ => $"{Player.ToTitle()} · Igo",
    };
}
