using Bunit;
using Igo.Computer;
using Igo.Domain;
using Igo.Web.Components.Play;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class PlayerCardTests : ComponentTestBase
{
    [Fact]
    public void A_card_shows_colour_presence_and_prisoners()
    {
        var card = Context.Render<PlayerCard>(p => p
            .Add(c => c.Color, Color.White)
            .Add(c => c.IsYou, true)
            .Add(c => c.Connected, false)
            .Add(c => c.Prisoners, 4)
            .Add(c => c.ToMove, true));

        Assert.Contains("White (you)", card.Find(".player-name").TextContent, StringComparison.Ordinal);
        Assert.Contains("away", card.Find(".presence").TextContent, StringComparison.Ordinal);
        Assert.Equal("4", card.Find("[data-stat=prisoners]").TextContent);
        Assert.Contains("to-move", card.Find(".player-card").ClassList);
        Assert.Empty(card.FindAll("[data-stat=territory]"));
        Assert.Equal("White, you, away, 4 prisoners", card.Find(".player-card").GetAttribute("aria-label"));
    }

    [Fact]
    public void Territory_and_total_appear_once_the_score_is_tallied()
    {
        var card = Context.Render<PlayerCard>(p => p
            .Add(c => c.Color, Color.Black)
            .Add(c => c.Connected, true)
            .Add(c => c.Prisoners, 3)
            .Add(c => c.Territory, 12)
            .Add(c => c.Score, 15.0)
            .Add(c => c.IsWinner, true));

        Assert.Equal("12", card.Find("[data-stat=territory]").TextContent);
        Assert.Equal("15", card.Find("[data-stat=total]").TextContent);
        Assert.Contains("winner", card.Markup, StringComparison.Ordinal);
        Assert.Contains("connected", card.Find(".presence").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_computer_opponent_is_named_as_such()
    {
        var gnuGo = new ComputerOpponent("gnugo", "GNU Go", "GNU Go 3.8 at its full strength.");
        var card = Context.Render<PlayerCard>(p => p.Add(c => c.Color, Color.White).Add(c => c.Computer, gnuGo).Add(c => c.Connected, true));

        Assert.Contains("computer", card.Find(".presence").TextContent, StringComparison.Ordinal);
        Assert.Equal("GNU Go", card.Find("[data-computer=gnugo]").TextContent);
        Assert.Contains("GNU Go", card.Find("section").GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Empty(card.FindAll("[data-computer-stands-in]"));
    }

    [Fact]
    public void A_computer_that_stopped_after_the_game_is_still_named_and_not_called_not_started()
    {
        var gnuGo = new ComputerOpponent("gnugo-5", "GNU Go, level 5", "GNU Go reading less deeply.");
        var card = Context.Render<PlayerCard>(p => p.Add(c => c.Color, Color.White).Add(c => c.Computer, gnuGo).Add(c => c.Connected, false).Add(c => c.GameOver, true));

        Assert.Equal("computer", card.Find(".presence").TextContent.Trim());
        Assert.Equal("GNU Go, level 5", card.Find("[data-computer=gnugo-5]").TextContent);
        Assert.DoesNotContain("not started", card.Markup, StringComparison.Ordinal);

        card.Render(p => p.Add(c => c.GameOver, false));
        Assert.Contains("not started", card.Find(".presence").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_computer_standing_in_for_the_chosen_one_says_so()
    {
        var club = new ComputerOpponent("builtin-club", "Built-in, club", "The opponent chosen for this game cannot run on this server, so Built-in, club plays instead.");
        var card = Context.Render<PlayerCard>(p => p.Add(c => c.Color, Color.White).Add(c => c.Computer, club).Add(c => c.StandsIn, true).Add(c => c.Connected, true));

        Assert.Equal(club.Description, card.Find("[data-computer-stands-in]").TextContent);
    }

    [Fact]
    public void A_person_has_no_computer_name()
    {
        var card = Context.Render<PlayerCard>(p => p.Add(c => c.Color, Color.White).Add(c => c.Connected, true));

        Assert.Empty(card.FindAll("[data-computer]"));
        Assert.Contains("connected", card.Find(".presence").TextContent, StringComparison.Ordinal);
    }
}
