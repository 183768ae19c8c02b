using Igo.Domain;
using Igo.Tests.Data;
using Igo.Web.Games;

namespace Igo.Tests.Games;

/// <summary>A 9x9 game brought to its scoring phase through the coordinators of two instances, for the scoring tests.</summary>
internal static class ScoringGames
{
    /// <summary>Black created on <paramref name="a"/>, white joined on <paramref name="b"/>; black at <paramref name="blackStone"/>, white at (6,6), two passes.</summary>
    public static async Task<(IGameSeat Black, IGameSeat White)> InScoringAsync(TestHost a, TestHost b, Point blackStone, CancellationToken cancellationToken)
    {
        var created = await a.Get<IGameCoordinator>().CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human), NewConnection(), cancellationToken);
        Assert.True(created.Success, created.ToString());
        var joined = await b.Get<IGameCoordinator>().JoinGameAsync(created.Seat!.Keys.White, null, NewConnection(), cancellationToken);
        Assert.True(joined.Success, joined.ToString());
        var (black, white) = (created.Seat, joined.Seat!);
        (IGameSeat Seat, ActionType Type, Point? Point)[] script =
        [
            (black, ActionType.PlaceStone, blackStone),
            (white, ActionType.PlaceStone, new Point(6, 6)),
            (black, ActionType.Pass, null),
            (white, ActionType.Pass, null),
        ];
        foreach (var (seat, type, point) in script)
        {
            await UntilAsync(seat, view => view.Turn == seat.Color, cancellationToken);
            var reply = await seat.ActAsync(type, point, cancellationToken);
            Assert.True(reply.Success, $"{seat.Color} {type}: {reply}");
        }

        await UntilAsync(black, view => view.Scoring is not null, cancellationToken);
        await UntilAsync(white, view => view.Scoring is not null, cancellationToken);
        return (black, white);
    }

    /// <summary>The seat's view once it meets <paramref name="condition"/>; fails after <see cref="EventRecorder.Deadline"/>.</summary>
    public static async Task<GameView> UntilAsync(IGameSeat seat, Func<GameView, bool> condition, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + EventRecorder.Deadline;
        while (!condition(seat.Snapshot.View))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{seat.Color} at v{seat.Snapshot.View.Version}");
            await Task.Delay(5, cancellationToken);
        }

        return seat.Snapshot.View;
    }

    private static SeatHolder NewConnection() => new(ConnectionKind.Socket, $"conn-{Guid.NewGuid():N}");
}
