using Igo.Data;
using Igo.Domain;
using Igo.Web.Compat;
using Igo.Web.Games;

namespace Igo.Tests.Compat;

/// <summary>
/// The coordinator's typed answers in the words igo-frontend players read (docs/PROTOCOL.md §4, §5.8, §5.9, and this port's
/// own refusals of docs/COMPATIBILITY.md). The new/join success texts are checked on the wire by the protocol suites.
/// </summary>
[Trait("Category", "Compat")]
public sealed class OutcomeTextsTests
{
    private const string Key = "Abc123Def4";

    [Fact]
    public void A_game_action_response_says_what_the_rules_or_the_coordinator_answered()
    {
        string Said(ActionReply reply) => OutcomeTexts.Action(reply, "place_stone", GameStatus.Play);

        Assert.Equal("Successfully placed a black stone at (2, 3)", Said(ActionReply.Judged(new ActionOutcome.StonePlaced(Color.Black, new Point(2, 3)))));
        Assert.Equal("It isn't white's turn", Said(ActionReply.Judged(new ActionRefusal.NotYourTurn(Color.White))));
        Assert.Equal("Game action was preempted by other player", Said(ActionReply.Refused(ActionFailure.Preempted)));
        Assert.Equal("The game could not be saved just now. Please try again in a moment", Said(ActionReply.Refused(ActionFailure.Unavailable)));
        Assert.Equal("You no longer hold this game's key. Join the game again to go on playing", Said(ActionReply.Refused(ActionFailure.SeatReleased)));
        Assert.Equal("White's time ran out: black won on time", Said(ActionReply.Judged(new ActionRefusal.FlagFell(Color.White))));
        Assert.Equal(
            "Your opponent is still connected, or has not been away long enough for the game to be claimed",
            Said(ActionReply.Refused(ActionFailure.OpponentNotGone)));
    }

    [Fact]
    public void A_refusal_without_words_of_its_own_says_what_is_not_allowed_now()
    {
        Assert.Equal("pass is not allowed while the game is in play", OutcomeTexts.Action(ActionReply.Refused(ActionFailure.NotPermitted), "pass", GameStatus.Play));
        Assert.Equal(
            "request_draw is not allowed while a request is awaiting an answer",
            OutcomeTexts.Action(ActionReply.Judged(new ActionRefusal.RequestPending((RequestType)42)), "request_draw", GameStatus.RequestPending));
        Assert.Equal("pass done", OutcomeTexts.Action(ActionReply.Succeeded, "pass", GameStatus.Play));
    }

    [Fact]
    public void A_refused_chat_line_is_explained_by_the_one_chat_rule()
    {
        Assert.Equal("The chat message is empty and was not sent", OutcomeTexts.Chat(ActionReply.ChatRefused(ChatRefusal.Empty)));
        Assert.Equal("The chat message is longer than the limit of 2000 characters and was not sent", OutcomeTexts.Chat(ActionReply.ChatRefused(ChatRefusal.TooLong)));
        Assert.Equal("The chat message contains a NUL character and was not sent", OutcomeTexts.Chat(ActionReply.ChatRefused(ChatRefusal.HasNul)));
        Assert.Equal("The game could not be saved just now. Please try again in a moment", OutcomeTexts.Chat(ActionReply.Refused(ActionFailure.Unavailable)));
        Assert.Equal(OutcomeTexts.Chat(ChatRefusal.Empty), OutcomeTexts.Chat(ChatRules.Check(" \t ")!.Value));
    }

    [Fact]
    public void Join_failures_keep_the_original_texts()
    {
        string Said(SeatFailure failure) => OutcomeTexts.JoinFailure(SeatOutcome.Refused(failure), Key);

        Assert.Equal($"A game corresponding to key {Key} was not found. Please double-check and try again", Said(SeatFailure.NotFound));
        Assert.Equal($"Someone else is already playing using that key ({Key})", Said(SeatFailure.InUse));
        Assert.Equal($"You are already playing using that key ({Key})", Said(SeatFailure.AlreadyHolding));
        Assert.Equal($"Key {Key} is designated as a computer player and cannot be joined without the correct secret", Said(SeatFailure.ComputerOnly));
        Assert.Equal("The game server could not complete that just now. Please try again in a moment", Said(SeatFailure.Unavailable));
    }

    [Fact]
    public void A_refused_new_game_says_which_setting_or_that_the_server_could_not()
    {
        Assert.Equal("The board size must be 9, 13 or 19", OutcomeTexts.CreateFailure(SeatOutcome.InvalidBecause(InvalidRequest.Settings, SettingsRefusal.BoardSize)));
        Assert.Equal("Komi must be a number from 0 to 100.5", OutcomeTexts.CreateFailure(SeatOutcome.InvalidBecause(InvalidRequest.Settings, SettingsRefusal.Komi)));
        Assert.Equal("The game server could not complete that just now. Please try again in a moment", OutcomeTexts.CreateFailure(SeatOutcome.Refused(SeatFailure.Unavailable)));
    }
}
