using Bunit;
using Igo.Computer;
using Igo.Data.Stores;
using Igo.Domain;
using Igo.Testing.Games;
using Igo.Web.Browser;
using Igo.Web.Circuits;
using Igo.Web.Components.Lobby;
using Igo.Web.Games;
using Igo.Web.Lobby;
using Igo.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Color = Igo.Domain.Color;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class LobbyPanelTests : ComponentTestBase
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeControl ByoYomi = new(TimeSystem.ByoYomi, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30), 5, 0, TimeSpan.Zero, null);
    private static readonly OpenChallenge Nineteen = new(7, 19, Ruleset.Japanese(), Color.Black, TimeControl.None, T0);
    private static readonly OpenChallenge Nine = new(8, 9, Ruleset.Chinese(7.5) with { Handicap = 0 }, Color.White, ByoYomi, T0);
    private static readonly LiveGameListing Watched = new(3, new string('a', 32), 13, new PerColor<string?>(null, "gnugo"), 42, T0);
    private readonly FakeLobby lobby = new();

    public LobbyPanelTests()
    {
        Context.Services.AddSingleton<IGameCoordinator>(new InMemoryCoordinator());
        Context.Services.AddSingleton<IComputerOpponents>(new FakeComputerOpponents(new ComputerOpponent("gnugo", "GNU Go", "A classic engine")));
        Context.Services.AddIgoSecurity();
        Context.Services.AddIgoCircuits().AddIgoBrowser();
        Context.Services.AddFakeLobby(lobby);
    }

    private NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<LobbyPanel> RenderPanel(params OpenChallenge[] challenges)
    {
        lobby.Publish(new LobbySnapshot(challenges, [Watched]));
        RenderInteractively();
        Context.Render<MudPopoverProvider>();
        return Context.Render<LobbyPanel>();
    }

    [Fact]
    public void Challenges_and_live_games_are_lists_under_headings_with_named_buttons_and_watch_links()
    {
        var panel = RenderPanel(Nineteen, Nine);

        Assert.Equal(["Lobby"], panel.FindAll("h2").Select(h => h.TextContent));
        Assert.Equal(["Open challenges", "Live games"], panel.FindAll("h3").Select(h => h.TextContent));
        Assert.Equal("challenges-title", panel.Find("ul[data-challenges]").GetAttribute("aria-labelledby"));
        Assert.Equal(2, panel.FindAll("[data-challenges] > li").Count);
        Assert.Equal(
            ["Take Black's 19×19 challenge: you play white", "Take White's 9×9 challenge: you play black"],
            panel.FindAll("[data-action=take]").Select(b => b.GetAttribute("aria-label")));
        Assert.Contains("Chinese rules · komi 7.5 · no handicap · 10 min + 5 × 30 s byo-yomi", panel.Find("[data-challenge='8']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Japanese rules · komi 6.5 · no handicap · untimed", panel.Find("[data-challenge='7']").TextContent, StringComparison.Ordinal);

        var watch = panel.Find("[data-live-games] a");
        Assert.Equal($"/watch/{Watched.WatchId}", watch.GetAttribute("href"));
        Assert.Null(watch.GetAttribute("aria-label"));
        Assert.Equal("Watch 13×13 · 42 moves Black: a person · White: GNU Go", System.Text.RegularExpressions.Regex.Replace(watch.TextContent, @"\s+", " ").Trim());
    }

    [Fact]
    public void An_empty_lobby_says_so_and_how_to_post()
    {
        lobby.Publish(LobbySnapshot.Empty);
        RenderInteractively();
        var panel = Context.Render<LobbyPanel>();

        Assert.Contains("No open challenges right now", panel.Find("[data-no-challenges]").TextContent, StringComparison.Ordinal);
        Assert.Contains("No public games in play", panel.Find("[data-no-live-games]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Taking_a_challenge_opens_its_game_with_the_seat_handed_over()
    {
        var seat = new FakeGameSeat("TakerKey01", Color.White, Snapshots.Of(TestViews.Empty(19)));
        lobby.AnswerTake = _ => new ChallengeReply(ChallengeTakeOutcome.Taken, SeatOutcome.Held(seat));
        var panel = RenderPanel(Nineteen);

        panel.Find("[data-action=take]").Click();

        Assert.Equal([7L], lobby.Takes);
        Assert.EndsWith("/game/TakerKey01", Navigation.Uri, StringComparison.Ordinal);
        Assert.Same(seat, Context.Services.GetRequiredService<SeatHandOff>().Take("TakerKey01"));
    }

    [Fact]
    public void A_taker_who_lost_the_race_is_told_at_once_and_stays()
    {
        var panel = RenderPanel(Nineteen);

        panel.Find("[data-action=take]").Click();

        Assert.Equal("Someone else took this challenge just now. Pick another, or post your own.", panel.Find("[data-take-notice]").TextContent.Trim());
        Assert.Equal("alert", panel.Find("[data-take-notice]").GetAttribute("role"));
        Assert.DoesNotContain("/game/", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lists_follow_the_lobby_as_it_changes()
    {
        var panel = RenderPanel(Nineteen);

        lobby.Publish(new LobbySnapshot([Nine], []));

        panel.WaitForAssertion(() => Assert.Equal(["8"], panel.FindAll("[data-challenge]").Select(li => li.GetAttribute("data-challenge"))));
        Assert.NotNull(panel.Find("[data-no-live-games]"));
    }

    [Fact]
    public void A_posted_challenge_shows_as_the_pages_own_without_a_take_button_and_can_be_withdrawn()
    {
        var panel = RenderPanel();
        var form = Context.Render<NewGameForm>();

        form.Find("[data-action=post-challenge]").Click();

        var posted = Assert.Single(lobby.Posts);
        Assert.Equal((OpponentKind.Human, true, 19), (posted.Opponent, posted.Listed, posted.Size));
        lobby.Publish(new LobbySnapshot([Nineteen with { Id = 1 }], []));
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-my-challenge]")));
        Assert.Contains("Yours", panel.Find("[data-challenge='1']").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-challenge='1'] [data-action=take]"));

        panel.Find("[data-action=withdraw]").Click();

        Assert.Equal([1L], lobby.Withdrawn);
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-my-challenge]")));
    }

    [Fact]
    public void The_creators_page_opens_the_game_as_soon_as_the_lists_show_its_challenge_was_taken()
    {
        var panel = RenderPanel();
        Context.Render<NewGameForm>().Find("[data-action=post-challenge]").Click();
        lobby.Publish(new LobbySnapshot([Nineteen with { Id = 1 }], []));

        (lobby.Standing, lobby.Started) = (false, true);
        lobby.Publish(new LobbySnapshot([], [Watched]));

        panel.WaitForAssertion(() => Assert.EndsWith("/game/Creator001", Navigation.Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void A_challenge_that_lapsed_untaken_is_explained()
    {
        var panel = RenderPanel();
        Context.Render<NewGameForm>().Find("[data-action=post-challenge]").Click();

        lobby.Standing = false;
        Clock.Advance(TimeSpan.FromSeconds(5));

        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-challenge-expired]")));
        Assert.DoesNotContain("/game/", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaving_the_home_page_withdraws_the_pages_challenge()
    {
        var panel = RenderPanel();
        Context.Render<NewGameForm>().Find("[data-action=post-challenge]").Click();

        await Context.DisposeComponentsAsync();

        Assert.Equal([1L], lobby.Withdrawn);
    }

    [Fact]
    public void A_challenge_is_kept_alive_only_while_the_pages_connection_is_up()
    {
        RenderPanel();
        Context.Render<NewGameForm>().Find("[data-action=post-challenge]").Click();
        var mine = Context.Services.GetRequiredService<MyChallenge>();
        Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(1, lobby.Keeps);

        mine.Suspend();
        Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(1, lobby.Keeps);

        mine.Resume();
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, lobby.Keeps);
        Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(3, lobby.Keeps);
    }

    [Fact]
    public void Posting_again_replaces_the_pages_challenge()
    {
        var panel = RenderPanel();
        var form = Context.Render<NewGameForm>();
        form.Find("[data-action=post-challenge]").Click();
        Assert.Contains("Post again, replacing your challenge", form.Find("[data-action=post-challenge]").TextContent, StringComparison.Ordinal);

        form.Find("[data-action=post-challenge]").Click();

        Assert.Equal(2, lobby.Posts.Count);
        Assert.Equal([1L], lobby.Withdrawn);
        Assert.Equal(2, Context.Services.GetRequiredService<MyChallenge>().Posted?.Id);
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-my-challenge]")));
    }
}
