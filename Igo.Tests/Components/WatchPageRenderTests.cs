using Bunit;
using Igo.Domain;
using Igo.Web.Components.Pages;
using Igo.Web.Components.Play;
using Igo.Web.Components.Watch;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Color = Igo.Domain.Color;

namespace Igo.Tests.Components;

/// <summary>
/// What a spectator's circuit renders on a move (issue 12, what watching costs): the board and the newest run of the
/// move list, not the chat nor the earlier moves; and on a chat line the chat, not the board.
/// </summary>
[Trait("Category", "Components")]
public sealed class WatchPageRenderTests : GamePageTestBase
{
    private readonly FakeWatching watching = new();

    private IRenderedComponent<WatchPage> OpenWatch(FakeGameWatch watch)
    {
        watching.Outcome = new WatchOutcome(watch, NotFound: false);
        Context.Services.AddSingleton<IGameWatching>(watching);
        RenderInteractively();
        Context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
        });
        var page = Context.Render<WatchPage>(p => p.Add(w => w.WatchId, "0123456789abcdef0123456789abcdef"));
        page.WaitForAssertion(() => page.Find("[data-point='E5']"));
        return page;
    }

    /// <summary>The first <paramref name="count"/> stones of a 9×9 game where nothing is captured, and its moves.</summary>
    private static (GameView View, Move[] Moves) Played(int count)
    {
        var view = TestViews.Empty(9);
        var moves = new List<Move>();
        for (var i = 0; i < count; i++)
        {
            // Black on the rows 0, 2, 4, white on 6 and 8: no chain is ever surrounded.
            var color = i % 2 == 0 ? Color.Black : Color.White;
            var own = i / 2;
            var point = color == Color.Black ? new Point((own / 9) * 2, own % 9) : new Point(6 + ((own / 9) * 2), own % 9);
            view = TestViews.Place(view, point, color);
            moves.Add(new Move(color, point));
        }

        return (view, [.. moves]);
    }

    private static GameSnapshot Snapshot((GameView View, Move[] Moves) game) => Snapshots.Of(game.View) with { Spectators = 2, Moves = [.. game.Moves] };

    [Fact]
    public async Task A_move_renders_the_board_and_the_newest_run_of_moves_and_not_the_chat_or_the_earlier_runs()
    {
        var watch = new FakeGameWatch(Snapshot(Played(MoveBlock.Length + 3)));
        var page = OpenWatch(watch);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindComponents<MoveBlock>().Count));
        var board = page.FindComponent<GoBoard>();
        var chat = page.FindComponent<SpectatorChatPanel>();
        var (first, newest) = (page.FindComponents<MoveBlock>()[0], page.FindComponents<MoveBlock>()[1]);
        var before = (Board: board.RenderCount, Chat: chat.RenderCount, First: first.RenderCount, Newest: newest.RenderCount);

        var next = Played(MoveBlock.Length + 4);
        await page.InvokeAsync(() => watch.PushAsync(Snapshot(next)));

        page.WaitForAssertion(() => Assert.Equal(before.Board + 1, board.RenderCount));
        Assert.Equal(before.Newest + 1, newest.RenderCount);
        Assert.Equal(before.First, first.RenderCount);
        Assert.Equal(before.Chat, chat.RenderCount);
        var label = next.Moves[^1].Point!.Value.ToLabel(9);
        Assert.Equal(label, page.Find($"[data-move='{MoveBlock.Length + 4}'] .where").TextContent);
        Assert.Equal(MoveBlock.Length + 4, page.FindAll(".moves li").Count);
        Assert.StartsWith($"{label}, white stone", page.Find($"[data-point='{label}']").GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chat_line_renders_the_chat_and_not_the_board()
    {
        var watch = new FakeGameWatch(Snapshot(Played(3)));
        var page = OpenWatch(watch);
        page.WaitForAssertion(() => page.Find("#spectator-input"));
        var board = page.FindComponent<GoBoard>();
        var chat = page.FindComponent<SpectatorChatPanel>();
        var before = (Board: board.RenderCount, Chat: chat.RenderCount);

        await page.InvokeAsync(() => watch.PushChatAsync(new SpectatorMessage(3, Clock.GetUtcNow(), "Kibitzer", "nice shape")));

        page.WaitForAssertion(() => Assert.Equal("nice shape", page.Find("[data-spectator-message-id='3'] .text").TextContent));
        Assert.Equal(before.Chat + 1, chat.RenderCount);
        Assert.Equal(before.Board, board.RenderCount);
    }

    [Fact]
    public async Task A_move_taken_back_and_played_elsewhere_shows_the_new_move_in_the_list()
    {
        var game = Played(3);
        var watch = new FakeGameWatch(Snapshot(game));
        var page = OpenWatch(watch);
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".moves li").Count));

        // The third move undone, then black plays elsewhere: the same count of moves, a different third one.
        var elsewhere = new Point(4, 4);
        var view = TestViews.Place(Played(2).View, elsewhere, Color.Black) with { Version = game.View.Version + 2 };
        await page.InvokeAsync(() => watch.PushAsync(Snapshots.Of(view) with { Spectators = 2, Moves = [.. game.Moves[..2], new Move(Color.Black, elsewhere)] }));

        page.WaitForAssertion(() => Assert.Equal("E5", page.Find("[data-move='3'] .where").TextContent));
        Assert.Equal(3, page.FindAll(".moves li").Count);
    }

    [Fact]
    public void Typing_a_line_still_renders_the_chat_so_that_send_is_offered()
    {
        var page = OpenWatch(new FakeGameWatch(Snapshot(Played(1))));
        page.WaitForAssertion(() => page.Find("#spectator-input"));
        Assert.True(page.Find("[data-action=send-spectator]").HasAttribute("disabled"));

        page.Find("#spectator-input").Input("hello");

        page.WaitForAssertion(() => Assert.False(page.Find("[data-action=send-spectator]").HasAttribute("disabled")));
    }
}
