using CsCheck;
using Igo.Domain;
using static Igo.Domain.ActionType;
using static Igo.Tests.Domain.ClockScript;

namespace Igo.Tests.Domain;

/// <summary>
/// Random timed games through the rules: moves, passes, requests and answers, timeouts tried at random moments (many
/// at the deadline or a millisecond before it), stray thinking times. After every action the clocks keep their rules
/// (which clock runs, its deadline, nothing negative, a refusal changes nothing, absolute and uncapped Fischer time add
/// up to the wall-clock time each clock ran), and the log replays to exactly the same clocks.
/// </summary>
[Trait("Category", "Domain")]
public sealed class TimedGamePropertyTests
{
    private const int Iterations = 1000;

    private static readonly Gen<TimeSpan> Seconds = Gen.Int[1, 60].Select(s => S(s));

    private static readonly Gen<TimeControl> Controls = Gen.OneOf(
        Gen.Const(TimeControl.None),
        Gen.Int[1, 120_000].Select(ms => TimeControl.Absolute(Ms(ms))),
        Gen.Select(Gen.Int[0, 60_000], Gen.Int[1, 4], Seconds, (main, periods, period) => TimeControl.ByoYomi(Ms(main), periods, period)),
        Gen.Select(Gen.Int[0, 60_000], Gen.Int[1, 5], Seconds, (main, stones, block) => TimeControl.Canadian(Ms(main), stones, block)),
        Gen.Select(Gen.Int[0, 60_000], Seconds, Gen.Int[-1, 120_000], (main, increment, extra) =>
            TimeControl.Fischer(Ms(main), increment, extra < 0 ? null : (Ms(main) > increment ? Ms(main) : increment) + Ms(extra))));

    // What to do, how long after the previous action (a way of choosing it, and a number), and a random pick.
    private static readonly Gen<(int Kind, int Wait, int Ms, int Pick)[]> Steps =
        Gen.Select(Gen.Int[0, 14], Gen.Int[0, 9], Gen.Int[0, 90_000], Gen.Int[0, 1000]).Array[1, 80];

    [Fact]
    public void Random_timed_games_keep_the_clock_rules_and_replay_to_the_same_clocks()
    {
        Gen.Select(Controls, Steps).Sample((control, steps) =>
        {
            var table = TimedTable.Create(control, size: 5);
            var ran = new Dictionary<Color, TimeSpan> { [Color.Black] = TimeSpan.Zero, [Color.White] = TimeSpan.Zero };
            var moves = new Dictionary<Color, int> { [Color.Black] = 0, [Color.White] = 0 };
            foreach (var (kind, wait, ms, pick) in steps)
            {
                if (table.Game.Status == GameStatus.Complete)
                {
                    break;
                }

                var before = table.Clock;
                var version = table.Game.Version;
                table.Wait(Delay(table, wait, ms));
                var outcome = Step(table, kind, pick);
                if (outcome is null)
                {
                    continue;
                }

                if (!outcome.Accepted)
                {
                    Assert.Equal(before, table.Clock);
                    Assert.Equal(version, table.Game.Version);
                    continue;
                }

                var action = table.Game.Actions[^1];
                if (before.Running is { } running && table.Clock.Running != running)
                {
                    ran[running.Player] += action.At - running.Since;
                }

                if (action.Type is PlaceStone or Pass)
                {
                    moves[action.Player]++;
                }

                AssertClockRules(table.Game);
                if (table.Game.Status != GameStatus.Complete)
                {
                    // Once over, the time the last turn took is charged to nobody.
                    AssertTimeAddsUp(table.Clock, ran, moves);
                }
            }

            var replayed = Game.Replay(5, Ruleset.Japanese(), control, table.Game.Actions);
            Assert.Equal(table.Clock, replayed.Clock);
            Assert.Equal(table.Game.View().Clock, replayed.View().Clock);
            Assert.Equal(table.Game.Result, replayed.Result);
        }, iter: Iterations);
    }

    // Often straight to the running clock's deadline, or a millisecond short of it.
    private static TimeSpan Delay(TimedTable table, int wait, int ms)
    {
        var toDeadline = table.Clock.Deadline is { } deadline ? deadline - table.Now : (TimeSpan?)null;
        var delay = (wait, toDeadline) switch
        {
            (0, { } left) => left,
            (1, { } left) => left - Ms(1),
            (9, _) => Ms(ms),
            _ => Ms(ms % 4_000),
        };
        return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
    }

    private static ActionOutcome? Step(TimedTable table, int kind, int pick)
    {
        var game = table.Game;
        var someone = pick % 2 == 0 ? Color.Black : Color.White;
        switch (kind)
        {
            case <= 4:
                var legal = game.LegalMoves().ToArray();
                return legal.Length == 0 || pick % 10 == 0
                    ? table.Act(TimeSpan.Zero, Pass, game.Turn)
                    : table.Act(TimeSpan.Zero, PlaceStone, game.Turn, legal[pick % legal.Length]);
            case 5:
                return table.Act(TimeSpan.Zero, RequestUndo, someone);
            case 6:
                return table.Act(TimeSpan.Zero, RequestDraw, game.Turn);
            case 7:
                return table.Act(TimeSpan.Zero, Accept, someone);
            case 8:
                return table.Act(TimeSpan.Zero, Reject, someone);
            case 9 or 10:
                return table.Act(TimeSpan.Zero, ActionType.Timeout, someone);
            case 11:
                var stones = Enumerable.Range(0, 25).Select(i => new Point(i / 5, i % 5)).Where(p => game.View()[p].Stone != Stone.Empty).ToArray();
                return stones.Length > 0 && pick % 3 != 0
                    ? table.Act(TimeSpan.Zero, MarkDead, someone, stones[pick % stones.Length])
                    : table.Act(TimeSpan.Zero, RequestTally, someone);
            case 12:
                return pick % 25 == 0 ? table.Act(TimeSpan.Zero, pick % 2 == 0 ? Resign : ClaimWin, someone) : null;
            default:
                // A thinking time a server would not send: for a player whose clock does not run, negative, or too fine.
                var player = pick % 4 < 2 ? game.Turn.Opponent() : game.Turn;
                var runs = TimedTable.ThinkingOf(game, player, table.Now) is not null;
                TimeSpan stray = (runs || pick % 3 == 0, pick % 2) switch
                {
                    (true, 0) => Ms(-pick - 1),
                    (true, _) => TimeSpan.FromTicks((pick * 10) + 1),
                    _ => Ms(pick),
                };
                var outcome = game.Apply(new GameAction(Pass, player, null, table.Now, stray));
                Assert.False(outcome.Accepted, $"{stray} for {player}: {outcome}");
                return outcome;
        }
    }

    private static void AssertClockRules(Game game)
    {
        var clock = game.Clock;
        if (clock.Running is { } running)
        {
            Assert.True(clock.IsTimed);
            var waitingOn = game.Status switch
            {
                GameStatus.Play => game.Turn,
                GameStatus.RequestPending when game.PendingRequest is { Type: RequestType.Draw or RequestType.Undo } pending => pending.Initiator.Opponent(),
                _ => (Color?)null,
            };
            Assert.Equal(waitingOn, running.Player);
            var deadline = clock.Deadline!.Value;
            Assert.True(clock.FlagFallenAt(running.Player, deadline));
            Assert.False(clock.FlagFallenAt(running.Player, deadline - Ms(1)));
            Assert.False(clock.FlagFallenAt(running.Player.Opponent(), deadline + Min(600)));
        }
        else
        {
            Assert.Null(clock.Deadline);
            var bothMoved = game.Actions.Where(a => a.Type is PlaceStone or Pass).Select(a => a.Player).Distinct().Count() == 2;
            Assert.True(
                !clock.IsTimed || !bothMoved || game.Status is GameStatus.Endgame or GameStatus.Complete || game.PendingRequest is { Type: RequestType.MarkDead or RequestType.TallyScore },
                $"{game.Status} {game.PendingRequest}");
        }

        Assert.True(clock.Paused is null || (game.Status == GameStatus.RequestPending && game.PendingRequest!.Initiator == clock.Paused.Player));
        foreach (var player in new[] { Color.Black, Color.White })
        {
            var own = clock.Clock[player];
            Assert.True(own.MainLeft >= TimeSpan.Zero && own.BlockLeft >= TimeSpan.Zero && own.PeriodsLeft >= 0 && own.StonesLeft >= 0, own.ToString());
        }

        Assert.Equal(clock, game.View().Clock);
    }

    // Absolute and uncapped Fischer: what a clock lost is exactly the time it ran, less what is not charged yet, plus increments.
    private static void AssertTimeAddsUp(ClockState clock, Dictionary<Color, TimeSpan> ran, Dictionary<Color, int> moves)
    {
        var control = clock.Control;
        if (control.System is not (TimeSystem.Absolute or TimeSystem.Fischer) || control.Cap is not null)
        {
            return;
        }

        foreach (var player in new[] { Color.Black, Color.White })
        {
            var pending = (clock.Running?.Player == player ? clock.Running.SpentBefore : TimeSpan.Zero)
                + (clock.Paused?.Player == player ? clock.Paused.Spent : TimeSpan.Zero);
            var start = control.System == TimeSystem.Fischer && control.MainTime == TimeSpan.Zero ? control.Increment : control.MainTime;
            var increments = TimeSpan.FromTicks(control.Increment.Ticks * moves[player]);
            Assert.Equal(start + increments - ran[player] + pending, clock.Clock[player].MainLeft);
        }
    }
}
