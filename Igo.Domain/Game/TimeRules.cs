namespace Igo.Domain;

/// <summary>
/// The clocks through the game (docs/TIME-CONTROLS.md, "Through the game"): which action must carry a thinking time, a
/// late action lost on time, the server's timeout, and whose clock runs after each accepted action. The thinking time
/// is given; nothing here reads a clock.
/// </summary>
internal static class TimeRules
{
    /// <summary>Null when the action's thinking time fits the clocks and the actor still has time; else why not.</summary>
    public static ActionRefusal? Check(GameState state, GameAction action)
    {
        var clock = state.Clock;
        var isRunner = clock.Running?.Player == action.Player && action.Type != ActionType.Timeout;
        if (action.Thinking is { } thinking)
        {
            if (!isRunner || thinking < TimeSpan.Zero || thinking.Ticks % TimeSpan.TicksPerMillisecond != 0)
            {
                return new ActionRefusal.ThinkingTime(action.Player, thinking);
            }

            return clock.Running!.SpentBefore + thinking >= clock.Clock.TimeToFlag(action.Player)
                ? new ActionRefusal.FlagFell(action.Player)
                : null;
        }

        return isRunner ? new ActionRefusal.ThinkingTime(action.Player, null) : null;
    }

    /// <summary>The server's timeout: accepted only when <paramref name="action"/>'s player's flag has fallen at its time.</summary>
    public static ActionOutcome Timeout(GameState state, GameAction action)
    {
        if (!state.Clock.FlagFallenAt(action.Player, action.At))
        {
            return new ActionRefusal.FlagStanding(action.Player);
        }

        state.Finish(new GameResult(ResultType.Time, action.Player.Opponent()));
        return new ActionOutcome.TimedOut(action.Player);
    }

    /// <summary>A player ends the game as a forfeit of their opponent (whether the opponent is really gone is the server's check).</summary>
    public static ActionOutcome ClaimWin(GameState state, Color player)
    {
        state.Finish(new GameResult(ResultType.Forfeit, player));
        return new ActionOutcome.WonByForfeit(player);
    }

    /// <summary>Charges the accepted action to the clocks and starts the clock of whoever the game now waits on.</summary>
    public static void Accepted(GameState state, GameAction action)
    {
        var before = state.Clock;
        var clock = before.Clock;
        var running = before.Running;
        var paused = before.Paused;
        var isMove = action.Type is ActionType.PlaceStone or ActionType.Pass;
        var moved = isMove ? before.Moved.With(action.Player, true) : before.Moved;
        var waitingOn = before.IsTimed && moved.Black && moved.White ? WaitingOn(state) : null;
        if (action.Type == ActionType.Timeout)
        {
            clock = clock.Charge(action.Player, clock.TimeToFlag(action.Player)!.Value);
            running = null;
        }
        else if (running is { } run && run.Player == action.Player)
        {
            // The player whose clock ran acted: their turn so far is settled now.
            var elapsed = run.SpentBefore + action.Thinking!.Value;
            running = null;
            if (isMove)
            {
                clock = clock.Charge(action.Player, elapsed);
            }
            else if (waitingOn == action.Player)
            {
                running = new RunningClock(action.Player, action.At, elapsed);
            }
            else if (state.Pending?.Initiator == action.Player)
            {
                paused = new PausedTurn(action.Player, elapsed);
            }
            else if (state.Status != GameStatus.Complete)
            {
                clock = clock.Spend(action.Player, elapsed);
            }
        }
        else if (isMove)
        {
            // A move before the clocks run costs nothing, but counts as a move (a Fischer increment, a Canadian stone).
            clock = clock.Charge(action.Player, TimeSpan.Zero);
        }

        if (waitingOn is not { } next || state.Status == GameStatus.Complete)
        {
            running = null;
            paused = null;
        }
        else if (running?.Player != next)
        {
            running = new RunningClock(next, action.At, paused?.Player == next ? paused.Spent : TimeSpan.Zero);
            paused = paused?.Player == next ? null : paused;
        }

        state.Clock = new ClockState(clock, running, paused, moved);
    }

    /// <summary>Whom the game waits on: the player to move in play, the one to answer a request made in play; nobody else.</summary>
    private static Color? WaitingOn(GameState state) => state.Status switch
    {
        GameStatus.Play => state.Position.Turn,
        GameStatus.RequestPending when state.Pending is { Type: RequestType.Draw or RequestType.Undo } pending => pending.Initiator.Opponent(),
        _ => null,
    };
}
