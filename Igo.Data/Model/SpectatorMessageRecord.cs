namespace Igo.Data.Model;

/// <summary>
/// A line of a game's spectators' chat, kept apart from the players' (<see cref="ChatMessageRecord"/>): the players
/// see it only once the game is over. <see cref="Name"/> is the one the spectator chose. <see cref="Id"/> is assigned
/// by the database and increases within a game in commit order.
/// </summary>
public sealed class SpectatorMessageRecord
{
    public long Id { get; set; }

    public long GameId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Name { get; set; }

    public required string Text { get; set; }
}
