namespace Igo.Domain;

/// <summary>
/// The mover's clock just after each move of a game's line of play, rebuilt from the thinking time each logged action
/// was charged: what SGF records as BL/WL and OB/OW (<see cref="Sgf.Export"/>).
/// </summary>
public static class MoveClocks
{
    /// <summary>
    /// Replays the log as <see cref="Game.Replay(int, Ruleset, TimeControl, IEnumerable{GameAction})"/> does, and reads
    /// the mover's clock after every move that is still in the line of play (a move taken back by an undo drops out with
    /// it; the time it cost stays spent). The clocks are null for an untimed game.
    /// </summary>
    public static (Game Game, IReadOnlyList<ClockReading?>? Clocks) Replay(int size, Ruleset rules, TimeControl timeControl, IEnumerable<GameAction> actions)
    {
        ArgumentNullException.ThrowIfNull(timeControl);
        var clocks = new List<ClockReading?>();
        var game = Game.Replay(size, rules, timeControl, actions, applied =>
        {
            var moves = applied.Moves;
            if (moves.Count < clocks.Count)
            {
                clocks.RemoveRange(moves.Count, clocks.Count - moves.Count);
            }
            else if (moves.Count > clocks.Count)
            {
                var mover = moves[^1].Player;
                clocks.Add(applied.Clock.Clock.Read(mover, TimeSpan.Zero));
            }
        });
        return (game, timeControl.IsTimed ? clocks : null);
    }
}
