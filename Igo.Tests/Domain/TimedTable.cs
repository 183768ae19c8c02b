using Igo.Domain;

namespace Igo.Tests.Domain;

/// <summary>
/// A timed game at a table with a virtual wall clock: each action is taken some time after the previous one, and carries
/// the thinking time a server without lag would charge (the time since its player's clock started running).
/// </summary>
internal sealed class TimedTable(Game game)
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public Game Game { get; } = game;

    public DateTimeOffset Now { get; private set; } = Start;

    public ClockState Clock => Game.Clock;

    public static TimedTable Create(TimeControl control, int size = 9, Ruleset? rules = null) =>
        new(Game.Create(size, rules ?? Ruleset.Japanese(), control));

    /// <summary>The thinking time a lag-free server charges <paramref name="player"/> at <paramref name="at"/>; null when their clock does not run.</summary>
    public static TimeSpan? ThinkingOf(Game game, Color player, DateTimeOffset at) =>
        game.Clock.Running is { } running && running.Player == player ? at - running.Since : null;

    public ActionOutcome Act(TimeSpan after, ActionType type, Color player, Point? point = null)
    {
        Now += after;
        var thinking = type == ActionType.Timeout ? null : ThinkingOf(Game, player, Now);
        return Game.Apply(new GameAction(type, player, point, Now, thinking));
    }

    public ActionOutcome MustAct(TimeSpan after, ActionType type, Color player, Point? point = null)
    {
        var outcome = Act(after, type, player, point);
        Assert.True(outcome.Accepted, $"{type} by {player} was rejected: {outcome}");
        return outcome;
    }

    /// <summary>The player to move places a stone at the first empty point of the top-left corner, <paramref name="after"/> the last action.</summary>
    public ActionOutcome Move(TimeSpan after) => MustAct(after, ActionType.PlaceStone, Game.Turn, Game.LegalMoves().First());

    /// <summary>Both players' free first moves, <paramref name="after"/> apart: from then on the clocks run.</summary>
    public void OpeningMoves(TimeSpan after)
    {
        Move(after);
        Move(after);
    }

    /// <summary>Moves the clock on without an action (to read it, or to time out).</summary>
    public void Wait(TimeSpan span) => Now += span;
}
