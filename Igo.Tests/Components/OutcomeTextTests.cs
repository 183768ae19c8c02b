using Igo.Data;
using Igo.Domain;
using Igo.Web.Components.Play;
using Igo.Web.Games;

namespace Igo.Tests.Components;

/// <summary>The Blazor UI's own words for the coordinator's typed answers: short, for the person at the board.</summary>
[Trait("Category", "Components")]
public sealed class OutcomeTextTests
{
    [Fact]
    public void Refused_moves_are_told_in_a_few_plain_words()
    {
        Assert.Equal("Ko: you can't retake at once. Play elsewhere first.", OutcomeText.Of(ActionReply.Judged(new ActionRefusal.Ko(new Point(2, 1), KoRule.Simple))));
        Assert.Equal("Superko: that move would repeat an earlier position.", OutcomeText.Of(ActionReply.Judged(new ActionRefusal.Ko(new Point(2, 1), KoRule.SituationalSuperko))));
        Assert.Equal("It's not your turn.", OutcomeText.Of(ActionReply.Judged(new ActionRefusal.NotYourTurn(Color.White))));
        Assert.Equal("That comes after both players pass.", OutcomeText.Of(ActionReply.Judged(new ActionRefusal.WrongStatus(ActionType.RequestTally, GameStatus.Play))));
        Assert.Equal("The game is over.", OutcomeText.Of(ActionReply.Judged(new ActionRefusal.GameComplete())));
        Assert.Equal("Your opponent got there first. Look at the board and try again.", OutcomeText.Of(ActionReply.Refused(ActionFailure.Preempted)));
    }

    [Fact]
    public void A_refused_chat_line_says_what_to_change()
    {
        Assert.Equal("Write something first.", OutcomeText.Of(ActionReply.ChatRefused(ChatRefusal.Empty)));
        Assert.Equal("A message can have at most 2,000 characters.", OutcomeText.Of(ActionReply.ChatRefused(ChatRefusal.TooLong)));
    }

    [Fact]
    public void A_failed_join_names_the_key_or_the_wait()
    {
        Assert.Equal("No game has the key Abc123Def4. Check it and try again.", OutcomeText.OfJoin(SeatOutcome.Refused(SeatFailure.NotFound), "Abc123Def4"));
        Assert.Equal(
            "Too many failed attempts to join from your address; try again in 3 s",
            OutcomeText.OfJoin(SeatOutcome.Throttled(TimeSpan.FromSeconds(2.5)), "Abc123Def4"));
    }

    [Fact]
    public void A_kind_the_page_does_not_know_yet_gets_a_general_sentence()
    {
        Assert.Equal("That is not possible right now.", OutcomeText.Of(ActionReply.Refused((ActionFailure)99)));
        Assert.Equal("That is not possible right now.", OutcomeText.OfJoin(SeatOutcome.Refused((SeatFailure)99), "Abc123Def4"));
    }
}
