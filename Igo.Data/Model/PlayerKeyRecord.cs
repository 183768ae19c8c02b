using Igo.Domain;

namespace Igo.Data.Model;

/// <summary>
/// A player's key to a game (docs/PROTOCOL.md §4). The holder columns say which connection on which instance holds it now;
/// they are set and cleared only by conditional updates, so a key has at most one holder across all instances.
/// </summary>
public sealed class PlayerKeyRecord
{
    public const int KeyLength = 10;

    public required string Key { get; set; }

    public long GameId { get; set; }

    public Color Color { get; set; }

    public required string OpponentKey { get; set; }

    /// <summary>Set on a computer player's key: joining it needs this secret. Never sent to a browser.</summary>
    public string? ComputerSecret { get; set; }

    /// <summary>Which computer opponent plays this key (an <c>IComputerOpponents</c> id), when it is a computer's.</summary>
    public string? ComputerLevel { get; set; }

    public Guid? HeldByInstance { get; set; }

    public string? HeldByConnection { get; set; }

    public DateTimeOffset? HeldSince { get; set; }

    /// <summary>
    /// Since when nobody holds the key: set when its holder lets it go (or, for a dead instance's keys, at that
    /// instance's last heartbeat), cleared when it is taken again. Null for a key never held. The grace period before
    /// the opponent may claim the game counts from here.
    /// </summary>
    public DateTimeOffset? AwaySince { get; set; }
}
