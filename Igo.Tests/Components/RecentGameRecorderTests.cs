using System.Text.Json;
using Bunit;
using Igo.Domain;
using Igo.Web.Browser;
using Igo.Web.Components.Play;
using Color = Igo.Domain.Color;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class RecentGameRecorderTests : ComponentTestBase
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public RecentGameRecorderTests() => Context.Services.AddIgoBrowser();

    private List<RecentGame> Remembered() =>
        Context.JSInterop.Invocations["igo.storage.set"]
            .Select(call => Assert.Single(JsonSerializer.Deserialize<List<RecentGame>>((string)call.Arguments[1]!, Json)!))
            .ToList();

    [Fact]
    public void The_game_is_remembered_when_opened_and_again_with_its_result_when_it_ends_but_not_on_every_move()
    {
        var seat = new FakeGameSeat("WhiteKey01", Color.White, Snapshots.Of(TestViews.Empty(13)), opponentIsComputer: true);
        RenderInteractively();
        var recorder = Context.Render<RecentGameRecorder>(p => p.Add(r => r.Held, new HeldSeat(seat, seat.Snapshot)));

        var moved = TestViews.Place(TestViews.Empty(13), new Point(3, 3), Color.Black);
        recorder.Render(p => p.Add(r => r.Held, new HeldSeat(seat, Snapshots.Of(moved))));
        var ended = moved with { Status = GameStatus.Complete, Result = new GameResult(ResultType.Resignation, Color.White), Version = moved.Version + 1 };
        recorder.Render(p => p.Add(r => r.Held, new HeldSeat(seat, Snapshots.Of(ended))));
        recorder.Render(p => p.Add(r => r.Held, new HeldSeat(seat, Snapshots.Of(ended))));

        Assert.Equal(
            [
                new RecentGame("WhiteKey01", Color.White, 13, "computer", Clock.GetUtcNow(), "Move 1"),
                new RecentGame("WhiteKey01", Color.White, 13, "computer", Clock.GetUtcNow(), "Black resigned. White wins."),
            ],
            Remembered());
        Assert.Empty(recorder.Markup);
    }
}
