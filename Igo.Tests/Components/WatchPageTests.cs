using Bunit;
using Igo.Domain;
using Igo.Web.Components.Pages;
using Igo.Web.Games;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static Igo.Tests.Components.BoardEvents;
using Color = Igo.Domain.Color;

namespace Igo.Tests.Components;

/// <summary>The watch page: the live game without a seat, the spectators' chat, and a clear page for an unknown link.</summary>
[Trait("Category", "Components")]
public sealed class WatchPageTests : GamePageTestBase
{
    private const string WatchId = "0123456789abcdef0123456789abcdef";

    private FakeWatching Watching { get; } = new();

    private IRenderedComponent<WatchPage> OpenWatch(WatchOutcome outcome)
    {
        Watching.Outcome = outcome;
        Context.Services.AddSingleton<IGameWatching>(Watching);
        RenderInteractively();
        Context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
        });
        return Context.Render<WatchPage>(p => p.Add(w => w.WatchId, WatchId));
    }

    private static GameSnapshot Watched(GameView view, int spectators = 3, params Move[] moves) =>
        Snapshots.Of(view) with { Spectators = spectators, Moves = [.. moves] };

    [Fact]
    public void The_page_shows_the_live_board_both_players_the_count_and_the_moves()
    {
        var view = TestViews.Place(TestViews.Empty(9), new Point(2, 2), Color.Black);
        var watch = new FakeGameWatch(Watched(view, 3, new Move(Color.Black, new Point(2, 2))));

        var page = OpenWatch(new WatchOutcome(watch, NotFound: false));

        page.WaitForAssertion(() => Assert.Equal(81, page.FindAll("[role=gridcell]").Count));
        Assert.Equal([WatchId], Watching.Asked);
        Assert.Equal("3", page.Find("[data-spectators]").GetAttribute("data-spectators"));
        Assert.Equal(2, page.FindAll(".player-name").Count);
        Assert.DoesNotContain("(you)", page.Markup, StringComparison.Ordinal);
        Assert.Equal("C7", page.Find("[data-move='1'] .where").TextContent);
        Assert.Contains("White to move.", page.Find("[data-status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pushed_move_and_a_spectator_line_appear_at_once()
    {
        var watch = new FakeGameWatch(Watched(TestViews.Empty(9)));
        var page = OpenWatch(new WatchOutcome(watch, NotFound: false));
        page.WaitForAssertion(() => page.Find(Cell("E5")));

        var moved = TestViews.Place(TestViews.Empty(9), new Point(4, 4), Color.Black);
        await page.InvokeAsync(() => watch.PushAsync(Watched(moved, 4, new Move(Color.Black, new Point(4, 4)))));
        await page.InvokeAsync(() => watch.PushChatAsync(new SpectatorMessage(7, Clock.GetUtcNow(), "Kibitzer", "tengen!")));

        page.WaitForAssertion(() => Assert.StartsWith("E5, black stone", page.Find(Cell("E5")).GetAttribute("aria-label"), StringComparison.Ordinal));
        Assert.Equal("4", page.Find("[data-spectators]").GetAttribute("data-spectators"));
        page.WaitForAssertion(() => Assert.Equal("tengen!", page.Find("[data-spectator-message-id='7'] .text").TextContent));
        Assert.Equal("Kibitzer", page.Find("[data-spectator-message-id='7'] .author").TextContent);
    }

    [Fact]
    public void A_spectator_cannot_act_clicks_and_keys_on_the_board_send_nothing_and_there_are_no_controls()
    {
        var watch = new FakeGameWatch(Watched(TestViews.Empty(9)));
        var page = OpenWatch(new WatchOutcome(watch, NotFound: false));
        page.WaitForAssertion(() => page.Find(Cell("C3")));

        page.ClickPoint("C3");
        page.PressOnPoint("D4", "Enter");

        Assert.Empty(Coordinator.Joins);
        Assert.Empty(page.FindAll("[data-action=pass], [data-action=resign], [data-action=send]"));
        Assert.DoesNotContain("C3, black stone", page.Markup, StringComparison.Ordinal);
        Assert.Empty(watch.Sent);
    }

    [Fact]
    public void A_line_goes_to_the_spectators_chat_under_the_chosen_name()
    {
        var watch = new FakeGameWatch(Watched(TestViews.Empty(9)));
        var page = OpenWatch(new WatchOutcome(watch, NotFound: false));
        page.WaitForAssertion(() => page.Find("#spectator-input"));

        page.Find("#spectator-name").Change("Go fan");
        page.Find("#spectator-input").Input("what a fight");
        page.Find("[data-action=send-spectator]").Click();

        page.WaitForAssertion(() => Assert.Equal([("Go fan", "what a fight")], watch.Sent));
    }

    [Fact]
    public void An_unknown_watch_link_gets_a_clear_not_found_page()
    {
        var page = OpenWatch(WatchOutcome.Missing);

        page.WaitForAssertion(() => Assert.Contains("No game has this watch link", page.Find("[data-watch-not-found]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[role=gridcell]"));
    }

    [Fact]
    public async Task Leaving_the_page_ends_the_watch()
    {
        var watch = new FakeGameWatch(Watched(TestViews.Empty(9)));
        var page = OpenWatch(new WatchOutcome(watch, NotFound: false));
        page.WaitForAssertion(() => page.Find(Cell("C3")));

        await page.Instance.DisposeAsync();

        Assert.True(watch.Disposed);
    }

    [Fact]
    public async Task When_the_players_start_a_rematch_the_spectator_is_offered_its_watch_link()
    {
        var watch = new FakeGameWatch(Watched(TestViews.Empty(9)));
        var page = OpenWatch(new WatchOutcome(watch, NotFound: false));
        page.WaitForAssertion(() => page.Find(Cell("C3")));
        Assert.Empty(Rematches.Watched);

        await page.InvokeAsync(() => watch.PushAsync(Watched(TestViews.Empty(9, GameStatus.Complete))));

        page.WaitForAssertion(() => Assert.Equal([watch.Snapshot.GameId], Rematches.Watched));
        Assert.Empty(page.FindAll("[data-action=watch-rematch]"));

        await page.InvokeAsync(() => Rematches.Rematched("fedcba9876543210fedcba9876543210"));

        page.WaitForAssertion(() => Assert.Equal("watch/fedcba9876543210fedcba9876543210", page.Find("[data-action=watch-rematch]").GetAttribute("href")));
        Assert.Contains("The players started a rematch", page.Find("[data-rematch-follow]").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("The players started a rematch.", page.Find("[data-rematch-follow-live]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spectator_who_arrives_after_the_rematch_was_made_sees_the_link_at_once()
    {
        Rematches.RematchWatchId = "fedcba9876543210fedcba9876543210";
        var watch = new FakeGameWatch(Watched(TestViews.Empty(9, GameStatus.Complete)));

        var page = OpenWatch(new WatchOutcome(watch, NotFound: false));

        page.WaitForAssertion(() => Assert.Equal("watch/fedcba9876543210fedcba9876543210", page.Find("[data-action=watch-rematch]").GetAttribute("href")));
    }

    private static readonly Move[] ThreeMoves = [new(Color.Black, new Point(2, 2)), new(Color.White, new Point(6, 6)), new(Color.Black, new Point(4, 4))];

    private static string ReviewPosition(IRenderedComponent<WatchPage> page) => page.Find("[data-review-position] strong").TextContent;

    private static void ReviewKey(IRenderedComponent<WatchPage> page, string key) => page.Find("section.review").KeyDown(new KeyboardEventArgs { Key = key });

    [Fact]
    public async Task A_spectator_steps_back_through_the_live_game_and_new_moves_lengthen_the_line_without_moving_the_view()
    {
        var watch = new FakeGameWatch(Watched(TestViews.Empty(9), 3, ThreeMoves));
        var page = OpenWatch(new WatchOutcome(watch, NotFound: false));
        page.WaitForAssertion(() => page.Find("[data-action=review-live]"));

        page.Find("[data-action=review-live]").Click();

        Assert.Equal("Move 3, Black E5", ReviewPosition(page));
        Assert.Equal("Live: 3 moves played.", page.Find("[data-live-moves]").TextContent);
        ReviewKey(page, "ArrowLeft");
        ReviewKey(page, "ArrowLeft");
        Assert.Equal("Move 1, Black C7", ReviewPosition(page));

        await page.InvokeAsync(() => watch.PushAsync(Watched(TestViews.Place(TestViews.Empty(9), new Point(6, 2), Color.White), 3, [.. ThreeMoves, new(Color.White, new Point(6, 2))])));

        page.WaitForAssertion(() => Assert.Equal("Live: 4 moves played.", page.Find("[data-live-moves]").TextContent));
        Assert.Equal("Move 1, Black C7", ReviewPosition(page));
        Assert.Equal("4", page.Find("[data-review-slider]").GetAttribute("max"));
        ReviewKey(page, "End");
        Assert.Equal("Move 4, White C3", ReviewPosition(page));
        ReviewKey(page, "Home");
        Assert.Equal("Start of the game", ReviewPosition(page));
        page.Find("[data-review-slider]").Input("2");
        Assert.Equal("Move 2, White G3", ReviewPosition(page));

        page.Find("[data-action=back-to-live]").Click();

        Assert.Empty(page.FindAll("[data-live-review]"));
        Assert.NotNull(page.Find("[data-action=review-live]"));
        Assert.StartsWith("C3, white stone", page.Find(Cell("C3")).GetAttribute("aria-label") ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void While_reviewing_the_spectator_keeps_the_live_status_and_the_chat_and_the_board_only_tries_variations()
    {
        var watch = new FakeGameWatch(Watched(TestViews.Empty(9), 3, ThreeMoves));
        var page = OpenWatch(new WatchOutcome(watch, NotFound: false));
        page.WaitForAssertion(() => page.Find("[data-action=review-live]"));
        page.Find("[data-action=review-live]").Click();
        page.WaitForAssertion(() => page.Find("#spectator-input"));

        Assert.NotNull(page.Find("[data-live-review] [data-status]"));
        Assert.Empty(page.FindAll("[data-score-none], [data-score-pending]"));
        page.ClickPoint("D4");

        Assert.Contains("Variation from move 4", page.Find("[data-review-variation]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Coordinator.Joins);
        Assert.Empty(watch.Sent);
    }

    [Fact]
    public async Task A_spectator_reviewing_the_finished_game_is_offered_the_rematch_where_they_are()
    {
        var watch = new FakeGameWatch(Watched(TestViews.Empty(9, GameStatus.Complete), 3, ThreeMoves));
        var page = OpenWatch(new WatchOutcome(watch, NotFound: false));
        page.WaitForAssertion(() => page.Find("[data-action=review-live]"));
        page.Find("[data-action=review-live]").Click();
        ReviewKey(page, "Home");

        await page.InvokeAsync(() => Rematches.Rematched("fedcba9876543210fedcba9876543210"));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-live-review] [data-action=watch-rematch]")));
        Assert.Equal("Start of the game", ReviewPosition(page));
        Assert.Equal("The game is over, after 3 moves.", page.Find("[data-live-moves]").TextContent);
    }
}
