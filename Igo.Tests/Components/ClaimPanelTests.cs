using Bunit;
using Igo.Domain;
using Igo.Web.Components.Play;
using static Igo.Domain.Color;

namespace Igo.Tests.Components;

/// <summary>
/// The way out of an abandoned game: "Claim the win" and "Keep waiting" appear only once the opponent has been away for
/// the grace period (ClockOptions: 60 s in a timed game, 5 min untimed, the defaults here), with no render from outside.
/// </summary>
[Trait("Category", "Components")]
public sealed class ClaimPanelTests : ComponentTestBase
{
    private static readonly GameView Untimed = TestViews.Empty();

    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public void The_offer_appears_when_the_grace_period_ends_and_not_before()
    {
        var timed = Untimed with { Clock = Game.Create(9, Ruleset.Japanese(), TimeControl.Absolute(TimeSpan.FromMinutes(5))).Clock };
        var panel = Render(timed, awaySince: Now - TimeSpan.FromSeconds(20));
        Assert.Empty(panel.FindAll("[data-claim-panel]"));

        Clock.Advance(TimeSpan.FromSeconds(39));
        Assert.Empty(panel.FindAll("[data-claim-panel]"));

        Clock.Advance(TimeSpan.FromSeconds(1));
        panel.WaitForElement("[data-claim-panel]");
        Assert.Contains("White has been away for 1 min or more", panel.Find("#claim-title").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_untimed_game_waits_its_longer_grace()
    {
        var panel = Render(Untimed, awaySince: Now - TimeSpan.FromMinutes(2));
        Assert.Empty(panel.FindAll("[data-claim-panel]"));

        Clock.Advance(TimeSpan.FromMinutes(3));
        panel.WaitForElement("[data-claim-panel]");
    }

    [Fact]
    public void Claiming_calls_the_claim_and_keeping_waiting_hides_the_offer_until_the_opponent_leaves_again()
    {
        var claims = 0;
        var panel = Render(Untimed, awaySince: Now - TimeSpan.FromMinutes(6), onClaim: () => claims++);

        panel.Find("[data-action=claim-win]").Click();
        Assert.Equal(1, claims);

        panel.Find("[data-action=keep-waiting]").Click();
        Assert.Empty(panel.FindAll("[data-claim-panel]"));

        // They come back, then leave again: a new grace period, then a new offer.
        panel.Render(p => p.Add(c => c.OpponentAwaySince, null));
        Assert.Empty(panel.FindAll("[data-claim-panel]"));
        panel.Render(p => p.Add(c => c.OpponentAwaySince, Now));
        Assert.Empty(panel.FindAll("[data-claim-panel]"));
        Clock.Advance(TimeSpan.FromMinutes(5));
        panel.WaitForElement("[data-claim-panel]");
    }

    [Fact]
    public void Nothing_is_offered_against_a_computer_a_present_opponent_or_once_the_game_is_over()
    {
        var awayLong = Now - TimeSpan.FromHours(1);
        Assert.Empty(Render(Untimed, awayLong, computer: true).FindAll("[data-claim-panel]"));
        Assert.Empty(Render(Untimed, awaySince: null).FindAll("[data-claim-panel]"));
        Assert.Empty(Render(TestViews.Empty(status: GameStatus.Complete), awayLong).FindAll("[data-claim-panel]"));
        Assert.Single(Render(Untimed, awayLong).FindAll("[data-claim-panel]"));
    }

    [Fact]
    public void Results_name_their_kind()
    {
        Assert.Equal("White wins on time: Black ran out of time.", GameNarrative.Result(new GameResult(ResultType.Time, White), null));
        Assert.Equal("Black wins by forfeit: White left the game.", GameNarrative.Result(new GameResult(ResultType.Forfeit, Black), null));
    }

    private IRenderedComponent<ClaimPanel> Render(GameView view, DateTimeOffset? awaySince, bool computer = false, Action? onClaim = null) =>
        Context.Render<ClaimPanel>(p => p
            .Add(c => c.Player, Black)
            .Add(c => c.View, view)
            .Add(c => c.OpponentAwaySince, awaySince)
            .Add(c => c.OpponentIsComputer, computer)
            .Add(c => c.OnClaim, () => onClaim?.Invoke()));
}
