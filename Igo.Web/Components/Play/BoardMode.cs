namespace Igo.Web.Components.Play;

/// <summary>What a click or Enter on a point does.</summary>
public enum BoardMode
{
    /// <summary>Nothing: the board is only looked at (not the player's turn, or the game is over).</summary>
    Watch,

    /// <summary>Places a stone on a legal empty point.</summary>
    Place,

    /// <summary>Proposes the chain under the point as dead (endgame).</summary>
    MarkDead,
}
