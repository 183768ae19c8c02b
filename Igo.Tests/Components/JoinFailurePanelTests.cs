using Bunit;
using Igo.Web.Circuits;
using Igo.Web.Components.Play;
using Igo.Web.Games;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class JoinFailurePanelTests : ComponentTestBase
{
    private int retries;

    private IRenderedComponent<JoinFailurePanel> RenderPanel(SeatOutcome outcome, string key = "Guess00001") =>
        Context.Render<JoinFailurePanel>(p => p
            .Add(f => f.Failure, new JoinFailure(outcome, key))
            .Add(f => f.OnRetry, () => retries++));

    [Fact]
    public void A_key_that_names_no_game_says_so_and_offers_no_retry()
    {
        var panel = RenderPanel(SeatOutcome.Refused(SeatFailure.NotFound));

        Assert.Equal("NotFound", panel.Find("[data-join-failure]").GetAttribute("data-join-failure"));
        Assert.Contains("No game with this key", panel.Markup, StringComparison.Ordinal);
        Assert.Equal("No game has the key Guess00001. Check it and try again.", panel.Find("[data-explanation]").TextContent);
        Assert.Empty(panel.FindAll("[data-action=retry]"));
        Assert.Equal("/", panel.Find("a[href='/']").GetAttribute("href"));
    }

    [Fact]
    public void A_key_held_by_another_app_explains_why_and_can_be_tried_again()
    {
        var panel = RenderPanel(SeatOutcome.Refused(SeatFailure.InUse));

        Assert.Contains("This game is open somewhere else", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("A tab takes the seat over from your other tabs, but not from another app", panel.Markup, StringComparison.Ordinal);

        panel.Find("[data-action=retry]").Click();

        Assert.Equal(1, retries);
    }

    [Fact]
    public void A_throttled_address_is_told_so_whatever_the_failure_and_may_try_again_later()
    {
        var panel = RenderPanel(SeatOutcome.Throttled(TimeSpan.FromSeconds(42)));

        Assert.Equal("Throttled", panel.Find("[data-join-failure]").GetAttribute("data-join-failure"));
        Assert.Contains("Too many failed attempts", panel.Find("h6").TextContent, StringComparison.Ordinal);
        Assert.Contains("try again in 42 s", panel.Find("[data-explanation]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("not from another app", panel.Markup, StringComparison.Ordinal);
        Assert.Single(panel.FindAll("[data-action=retry]"));
    }
}
