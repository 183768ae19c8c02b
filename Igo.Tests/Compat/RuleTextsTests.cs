using Igo.Domain;
using Igo.Tests.Domain;
using Igo.Web.Compat;
using static Igo.Domain.ActionType;
using static Igo.Domain.Color;

namespace Igo.Tests.Compat;

/// <summary>
/// The rules' typed answers in the original server's words, byte for byte (docs/PROTOCOL.md §5; igo-frontend shows them).
/// The scenarios of Domain/ProtocolScenarioTests check which outcome the rules give; these check how it reads.
/// </summary>
[Trait("Category", "Compat")]
public sealed class RuleTextsTests
{
    private static readonly MarkedChain FourBlack = new(Black, 4);
    private static readonly MarkedChain TwoWhite = new(White, 2);

    [Fact]
    public void Every_outcome_reads_as_the_original_server_wrote_it()
    {
        var table = Table();

        Assert.Equal(table.Select(row => row.Words), table.Select(row => RuleTexts.For(row.Outcome)));
    }

    [Fact]
    public void A_game_played_through_the_rules_reads_as_the_original()
    {
        var game = Game.Create(3, Ruleset.Japanese());
        string?[] said =
        [
            RuleTexts.For(game.Place(White, 0, 0)),
            RuleTexts.For(game.Place(Black, 0, 0)),
            RuleTexts.For(game.Place(White, 0, 0)),
            RuleTexts.For(game.Place(White, 3, 0)),
            RuleTexts.For(game.Do(MarkDead, White, new Point(0, 0))),
            RuleTexts.For(game.Do(Pass, White)),
            RuleTexts.For(game.Do(Pass, Black)),
            RuleTexts.For(game.Do(MarkDead, White, new Point(0, 0))),
            RuleTexts.For(game.Do(RequestTally, Black)),
            RuleTexts.For(game.Do(Reject, Black)),
            RuleTexts.For(game.Do(Reject, White)),
            RuleTexts.For(game.Do(Resign, Black)),
            RuleTexts.For(game.Do(Pass, White)),
        ];

        Assert.Equal(
            [
                "It isn't white's turn",
                "Successfully placed a black stone at (0, 0)",
                "Point (0, 0) is occupied",
                "Point (3, 0) is not on the 3x3 board",
                "You can mark stones as dead only in the endgame; the game is in play",
                "White passed on their turn",
                "Black passed on their turn",
                "1 stones marked as dead. Awaiting response...",
                "Cannot request score tally while a previous request is pending",
                "Black rejected white's request to mark 1 black stones as dead. Returning to play to resolve",
                "There is no request to answer",
                "Black resigned",
                "The game is complete: no more actions are possible",
            ],
            said);
    }

    [Fact]
    public void A_request_of_a_kind_the_endpoint_does_not_know_has_no_words_of_its_own()
    {
        Assert.Null(RuleTexts.For(new ActionRefusal.RequestPending((RequestType)42)));
        Assert.Null(RuleTexts.For(new ActionOutcome.Requested((RequestType)42, Black)));
    }

    private static List<(ActionOutcome Outcome, string Words)> Table() =>
    [
        (new ActionOutcome.StonePlaced(Black, new Point(0, 0)), "Successfully placed a black stone at (0, 0)"),
        (new ActionOutcome.StonePlaced(White, new Point(3, 15)), "Successfully placed a white stone at (3, 15)"),
        (new ActionOutcome.Passed(Black), "Black passed on their turn"),
        (new ActionOutcome.Passed(White), "White passed on their turn"),
        (new ActionOutcome.Resigned(Black), "Black resigned"),
        (new ActionOutcome.Resigned(White), "White resigned"),
        (new ActionOutcome.Requested(RequestType.Draw, Black), "Black requested a draw. Awaiting response..."),
        (new ActionOutcome.Requested(RequestType.MarkDead, White, FourBlack), "4 stones marked as dead. Awaiting response..."),
        (new ActionOutcome.Requested(RequestType.TallyScore, White), "White requested that the score be tallied. Awaiting response..."),
        (new ActionOutcome.Requested(RequestType.Undo, Black), "Black requested to take back their last move. Awaiting response..."),
        (new ActionOutcome.Answered(RequestType.MarkDead, Black, Agreed: false, TwoWhite), "Black rejected white's request to mark 2 white stones as dead. Returning to play to resolve"),
        (new ActionOutcome.Answered(RequestType.MarkDead, Black, Agreed: true, TwoWhite), "Black accepted white's request to mark 2 white stones as dead"),
        (new ActionOutcome.Answered(RequestType.Draw, White, Agreed: false), "White rejected black's draw request"),
        (new ActionOutcome.Answered(RequestType.Draw, White, Agreed: true), "White accepted black's draw request"),
        (new ActionOutcome.Answered(RequestType.TallyScore, Black, Agreed: false), "Black rejected white's request to tally the score"),
        (new ActionOutcome.Answered(RequestType.TallyScore, Black, Agreed: true), "Black accepted white's request to tally the score"),
        (new ActionOutcome.Answered(RequestType.Undo, White, Agreed: true), "White accepted black's request to take back their last move"),
        (new ActionOutcome.Answered(RequestType.Undo, White, Agreed: false), "White rejected black's request to take back their last move"),
        (new ActionRefusal.NotYourTurn(White), "It isn't white's turn"),
        (new ActionRefusal.NotYourTurn(Black), "It isn't black's turn"),
        (new ActionRefusal.Occupied(new Point(0, 0)), "Point (0, 0) is occupied"),
        (new ActionRefusal.Suicide(new Point(0, 2)), "Playing at (0, 2) is suicide"),
        (new ActionRefusal.Ko(new Point(2, 1), KoRule.Simple), "Playing at (2, 1) violates the simple ko rule"),
        (new ActionRefusal.Ko(new Point(1, 6), KoRule.PositionalSuperko), "Playing at (1, 6) violates the positional superko rule: it would repeat an earlier position"),
        (new ActionRefusal.Ko(new Point(1, 6), KoRule.SituationalSuperko), "Playing at (1, 6) violates the situational superko rule: it would repeat an earlier position with the same player to move"),
        (new ActionRefusal.OffBoard(new Point(9, 3), 9), "Point (9, 3) is not on the 9x9 board"),
        (new ActionRefusal.OffBoard(new Point(-1, 3), 9), "Point (-1, 3) is not on the 9x9 board"),
        (new ActionRefusal.RequestPending(RequestType.Draw), "Cannot request draw while a previous request is pending"),
        (new ActionRefusal.RequestPending(RequestType.MarkDead), "Cannot mark stones as dead while a previous request is pending"),
        (new ActionRefusal.RequestPending(RequestType.TallyScore), "Cannot request score tally while a previous request is pending"),
        (new ActionRefusal.RequestPending(RequestType.Undo), "Cannot request an undo while a previous request is pending"),
        (new ActionRefusal.NoChain(new Point(2, 2)), "There is no group at (2, 2) to mark dead"),
        (new ActionRefusal.NothingToTakeBack(Black), "Black has no move to take back"),
        (new ActionRefusal.NothingToTakeBack(White), "White has no move to take back"),
        (new ActionRefusal.WrongStatus(PlaceStone, GameStatus.Endgame), "You can place a stone only during play; the game is in the endgame (both players passed)"),
        (new ActionRefusal.WrongStatus(Pass, GameStatus.RequestPending), "You can pass only during play; the game is waiting for an answer to a request"),
        (new ActionRefusal.WrongStatus(Resign, GameStatus.Endgame), "You can resign only during play; the game is in the endgame (both players passed)"),
        (new ActionRefusal.WrongStatus(RequestDraw, GameStatus.Endgame), "You can offer a draw only during play; the game is in the endgame (both players passed)"),
        (new ActionRefusal.WrongStatus(RequestUndo, GameStatus.Endgame), "You can ask to take back a move only during play; the game is in the endgame (both players passed)"),
        (new ActionRefusal.WrongStatus(MarkDead, GameStatus.Play), "You can mark stones as dead only in the endgame; the game is in play"),
        (new ActionRefusal.WrongStatus(RequestTally, GameStatus.Play), "You can ask to tally the score only in the endgame; the game is in play"),
        (new ActionRefusal.GameComplete(), "The game is complete: no more actions are possible"),
        (new ActionRefusal.PointMissing(PlaceStone), "A stone placement needs a point"),
        (new ActionRefusal.PointMissing(MarkDead), "Marking dead stones needs a point on the chain"),
        (new ActionRefusal.NoRequestToAnswer(), "There is no request to answer"),
        (new ActionRefusal.OwnRequest(), "You cannot answer your own request"),
        (new ActionRefusal.UnknownPlayer((Color)0), "The action names no known player"),
        (new ActionRefusal.UnknownAction((ActionType)99), "Unknown action"),
        (new ActionOutcome.TimedOut(White), "White's time ran out: black won on time"),
        (new ActionOutcome.WonByForfeit(Black), "Black claimed the game: white had left it. Black won by forfeit"),
        (new ActionRefusal.FlagFell(White), "White's time ran out: black won on time"),
        (new ActionRefusal.FlagFell(Black), "Black's time ran out: white won on time"),
        (new ActionRefusal.FlagStanding(Black), "Black still has time on the clock"),
        (new ActionRefusal.ThinkingTime(Black, TimeSpan.FromTicks(1)), "The game's clock could not time that action, so it was not played. Please try again"),
    ];
}
