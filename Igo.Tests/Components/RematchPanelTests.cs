using Bunit;
using Igo.Data.Stores;
using Igo.Web.Components.Play;
using Igo.Web.Games;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Color = Igo.Domain.Color;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class RematchPanelTests : ComponentTestBase
{
    private readonly FakeRematches rematches = new();

    public RematchPanelTests() => Context.Services.AddSingleton<IRematches>(rematches);

    private IRenderedComponent<RematchPanel> RenderFor(Color color, bool computer = false)
    {
        RenderInteractively();
        rematches.Status = Status(color, computer);
        var seat = new FakeGameSeat(color == Color.Black ? "BlackKey01" : "WhiteKey01", color, Snapshots.Of(TestViews.Empty(9)), computer);
        return Context.Render<RematchPanel>(p => p.Add(r => r.Seat, seat));
    }

    private static RematchStatus Status(Color color, bool computer = false) => new(1, 7, color, computer, true, null, null, null, null);

    [Fact]
    public async Task The_opponent_s_offer_appears_inline_and_in_the_live_region_and_accepting_moves_to_the_player_s_own_new_key()
    {
        var panel = RenderFor(Color.White);
        Assert.Empty(panel.FindAll("[data-rematch-offer]"));

        await rematches.ChangeAsync(Status(Color.White) with { OfferedBy = Color.Black });

        panel.WaitForAssertion(() => Assert.Contains("Black offers a rematch", panel.Find("[data-rematch-offer]").TextContent, StringComparison.Ordinal));
        Assert.Contains("you would play black", panel.Find("[data-rematch-offer]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Black offers a rematch, with colours swapped.", panel.Find("[data-rematch-live]").TextContent);
        Assert.Empty(panel.FindAll("[role=dialog]"));

        rematches.YesAnswer = new RematchAnswer(RematchOutcome.Started, 1, 7) { NewKey = "NewWhiteK1" };
        await panel.Find("[data-action=accept-rematch]").ClickAsync(new());

        Assert.Equal(["yes WhiteKey01"], rematches.Calls);
        Assert.EndsWith("/game/NewWhiteK1", Context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_offerer_can_withdraw_and_hears_of_a_decline_and_waits_a_minute_to_offer_again()
    {
        var panel = RenderFor(Color.Black);
        rematches.YesAnswer = new RematchAnswer(RematchOutcome.Offered, 1, 7);
        rematches.AfterAnswer = Status(Color.Black) with { OfferedBy = Color.Black };

        await panel.Find("[data-action=offer-rematch]").ClickAsync(new());

        Assert.Contains("Waiting for white", panel.Find("[data-rematch-waiting]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(panel.Find("[data-action=withdraw-rematch]"));

        await rematches.ChangeAsync(Status(Color.Black) with { Declined = Color.Black, DeclinedAt = Clock.GetUtcNow() });

        panel.WaitForAssertion(() => Assert.Equal("White declined the rematch.", panel.Find("[data-rematch-live]").TextContent));
        Assert.Contains("You may offer again in a minute", panel.Find("[data-rematch-declined]").TextContent, StringComparison.Ordinal);
        Assert.True(panel.Find("[data-action=offer-rematch]").HasAttribute("disabled"));

        Clock.Advance(TimeSpan.FromMinutes(1));

        panel.WaitForAssertion(() => Assert.False(panel.Find("[data-action=offer-rematch]").HasAttribute("disabled")));
    }

    [Fact]
    public async Task A_third_offer_within_a_minute_is_refused_politely_and_the_button_returns_when_the_wait_ends()
    {
        var panel = RenderFor(Color.Black);
        rematches.YesAnswer = new RematchAnswer(RematchOutcome.TooManyOffers, 1, 7) { MayOfferAt = Clock.GetUtcNow().AddSeconds(42) };

        await panel.Find("[data-action=offer-rematch]").ClickAsync(new());

        Assert.Equal("You have offered a rematch twice in a minute. You can offer again in 42 s.", panel.Find("[role=alert]").TextContent);
        Assert.True(panel.Find("[data-action=offer-rematch]").HasAttribute("disabled"));

        Clock.Advance(TimeSpan.FromSeconds(42));

        panel.WaitForAssertion(() => Assert.False(panel.Find("[data-action=offer-rematch]").HasAttribute("disabled")));
        Assert.Empty(panel.FindAll("[role=alert]"));
    }

    [Fact]
    public async Task Against_the_computer_play_again_is_one_press()
    {
        var panel = RenderFor(Color.Black, computer: true);
        rematches.YesAnswer = new RematchAnswer(RematchOutcome.Started, 1, 7) { NewKey = "NewBlackK1" };

        Assert.Empty(panel.FindAll("[data-action=offer-rematch]"));
        await panel.Find("[data-action=play-again]").ClickAsync(new());

        Assert.Equal(["yes BlackKey01"], rematches.Calls);
        Assert.EndsWith("/game/NewBlackK1", Context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rematch_made_elsewhere_moves_the_page_there()
    {
        var panel = RenderFor(Color.Black);

        await rematches.ChangeAsync(Status(Color.Black) with { NewKey = "NewBlackK2" });

        panel.WaitForAssertion(() => Assert.EndsWith("/game/NewBlackK2", Context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
    }
}
