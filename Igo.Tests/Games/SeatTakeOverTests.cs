using Igo.Data.Stores;
using Igo.Domain;
using Igo.Testing.Waiting;
using Igo.Tests.Data;
using Igo.Web.Games;

namespace Igo.Tests.Games;

/// <summary>
/// A player's second tab or device takes the seat over (docs/decisions/0011-seat-take-over.md), with two instances on
/// one store: PostgreSQL with LISTEN/NOTIFY and the SQLite default with the in-process bus. Black is created on A by a
/// tab; white, the opponent, is a WebSocket client on A.
/// </summary>
public abstract class SeatTakeOverTests<TStore>(TStore store) : TwoInstances<TStore>(store)
    where TStore : IStoreFixture
{
    private int connections;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_new_tab_takes_the_seat_the_old_one_learns_it_and_can_no_longer_act_and_the_opponent_sees_no_coming_and_going(bool otherInstance)
    {
        var (black, white, whiteHears) = await NewGameAsync();
        var tab = Tab();

        var taken = await On(otherInstance ? B : A).TakeOverAsync(black.Keys.Black, tab, Cancel);

        Assert.True(taken.Success, taken.ToString());
        await black.TakenOver.WaitAsync(EventRecorder.Deadline, Cancel);
        Assert.Equal(ActionFailure.SeatReleased, (await black.ActAsync(ActionType.PlaceStone, new Point(2, 2), Cancel)).Failure);
        Assert.Equal(ActionFailure.SeatReleased, (await black.ChatAsync("from the old tab", Cancel)).Failure);
        await AssertHolderAsync(black.Keys.Black, otherInstance ? B : A, tab);

        var moved = await taken.Seat!.ActAsync(ActionType.PlaceStone, new Point(3, 3), Cancel);
        Assert.True(moved.Success, moved.ToString());
        var seen = await whiteHears.WaitForVersionAsync(1);
        Assert.Equal((Stone.Black, Stone.Empty), (seen.View[new Point(3, 3)].Stone, seen.View[new Point(2, 2)].Stone));
        Assert.Equal(new PerColor<bool>(true, true), white.Snapshot.Connected);
        Assert.DoesNotContain(whiteHears.Seen, call => call is RecordingObserver.Presence { Color: Color.Black });
        Assert.False(taken.Seat.TakenOver.IsCompleted);
    }

    [Fact]
    public async Task Taking_it_back_from_the_same_tab_keeps_the_key_held_when_the_lost_seats_are_let_go()
    {
        var (black, _, whiteHears) = await NewGameAsync();
        var first = Tab();
        var firstSeat = (await On(A).TakeOverAsync(black.Keys.Black, first, Cancel)).Seat!;
        var second = (await On(B).TakeOverAsync(black.Keys.Black, Tab(), Cancel)).Seat!;
        await firstSeat.TakenOver.WaitAsync(EventRecorder.Deadline, Cancel);

        // "Take it back here": the first tab again, under the same connection id as its lost seat.
        var back = await On(A).TakeOverAsync(black.Keys.Black, first, Cancel);

        Assert.True(back.Success, back.ToString());
        await second.TakenOver.WaitAsync(EventRecorder.Deadline, Cancel);
        await black.DisposeAsync();
        await firstSeat.DisposeAsync();
        await second.DisposeAsync();
        await AssertHolderAsync(black.Keys.Black, A, first);
        Assert.True((await back.Seat!.ActAsync(ActionType.PlaceStone, new Point(4, 4), Cancel)).Success);
        await whiteHears.WaitForVersionAsync(1);
        Assert.DoesNotContain(whiteHears.Seen, call => call is RecordingObserver.Presence { Color: Color.Black });

        await back.Seat.DisposeAsync();
        await Eventually.QueriesAsync(() => A.Get<GameStore>().FindKeyAsync(black.Keys.Black, Cancel), key => key!.HeldByInstance is null, Cancel);
        Assert.Equal(new RecordingObserver.Presence(Color.Black, false), await whiteHears.WaitForAsync<RecordingObserver.Presence>());
    }

    [Fact]
    public async Task A_tab_cannot_take_a_seat_a_websocket_client_holds_nor_a_websocket_client_one_a_tab_holds()
    {
        var (black, white, _) = await NewGameAsync();

        Assert.Equal(SeatFailure.InUse, (await On(B).TakeOverAsync(white.Key, Tab(), Cancel)).Failure);
        Assert.Equal(SeatFailure.InUse, (await On(B).JoinGameAsync(black.Key, null, new SeatHolder(ConnectionKind.Socket, "socket-late"), Cancel)).Failure);
        Assert.False(white.TakenOver.IsCompleted);
        Assert.False(black.TakenOver.IsCompleted);
        Assert.True((await black.ActAsync(ActionType.PlaceStone, new Point(2, 2), Cancel)).Success);
    }

    [Fact]
    public async Task A_chat_line_the_old_tab_sends_before_its_instance_heard_of_the_take_over_is_refused_and_tells_it()
    {
        var (black, _, whiteHears) = await NewGameAsync();

        // No wait between the take-over on B and the line on A: A may not have heard of it yet; the store's holder check
        // refuses the line either way, and the refusal makes A read who holds the key.
        var taken = await On(B).TakeOverAsync(black.Keys.Black, Tab(), Cancel);
        var sent = await black.ChatAsync("from the old tab", Cancel);

        Assert.True(taken.Success, taken.ToString());
        Assert.Equal(ActionFailure.SeatReleased, sent.Failure);
        await black.TakenOver.WaitAsync(EventRecorder.Deadline, Cancel);
        Assert.True((await taken.Seat!.ChatAsync("from the new tab", Cancel)).Success);
        await whiteHears.WaitForAsync<ChatMessage>();
        Assert.Equal(["from the new tab"], (await A.Get<GameStore>().ChatAfterAsync(black.GameId, 0, Cancel)).Select(c => c.Text));
        Assert.DoesNotContain(whiteHears.Seen, call => call is ChatMessage { Text: "from the old tab" });
    }

    [Fact]
    public async Task Two_tabs_racing_to_take_over_end_with_exactly_one_holder_and_the_other_told()
    {
        var (black, _, _) = await NewGameAsync();
        var seats = new List<IGameSeat> { black };
        for (var round = 0; round < 10; round++)
        {
            var (onA, onB) = (Tab(), Tab());
            var raced = await Task.WhenAll(On(A).TakeOverAsync(black.Key, onA, Cancel), On(B).TakeOverAsync(black.Key, onB, Cancel));
            var won = raced.Where(r => r.Success).Select(r => r.Seat!).ToList();
            Assert.NotEmpty(won);
            seats.AddRange(won);

            var holder = (await A.Get<GameStore>().FindKeyAsync(black.Key, Cancel))!;
            var holding = holder.HeldByConnection == $"Circuit:{onA.ConnectionId}" ? raced[0].Seat : raced[1].Seat;
            Assert.NotNull(holding);
            await Eventually.HoldsAsync(() => seats.Count(s => !s.TakenOver.IsCompleted) == 1, Cancel);
            Assert.False(holding.TakenOver.IsCompleted);
        }

        foreach (var seat in seats)
        {
            await seat.DisposeAsync();
        }

        await Eventually.QueriesAsync(() => A.Get<GameStore>().FindKeyAsync(black.Key, Cancel), key => key!.HeldByInstance is null, Cancel);
    }

    private static IGameCoordinator On(TestHost host) => host.Get<IGameCoordinator>();

    private SeatHolder Tab() => new(ConnectionKind.Circuit, $"tab-{Interlocked.Increment(ref connections)}");

    private async Task<(IGameSeat Black, IGameSeat White, RecordingObserver WhiteHears)> NewGameAsync()
    {
        var created = await On(A).CreateGameAsync(new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human), Tab(), Cancel);
        Assert.True(created.Success, created.ToString());
        var white = (await On(A).JoinGameAsync(created.Seat!.Keys.White, null, new SeatHolder(ConnectionKind.Socket, $"socket-{Interlocked.Increment(ref connections)}"), Cancel)).Seat!;
        var hears = new RecordingObserver();
        white.Subscribe(hears);
        return (created.Seat, white, hears);
    }

    private static async Task AssertHolderAsync(string key, TestHost on, SeatHolder holder)
    {
        var found = await on.Get<GameStore>().FindKeyAsync(key, Cancel);
        Assert.Equal((on.Get<Igo.Data.IgoInstance>().Id, $"{holder.Kind}:{holder.ConnectionId}"), (found!.HeldByInstance, found.HeldByConnection));
    }
}

[Trait("Category", "Data")]
public sealed class PostgresSeatTakeOverTests(PostgresStore store) : SeatTakeOverTests<PostgresStore>(store), IClassFixture<PostgresStore>;

[Trait("Category", "Data")]
public sealed class SqliteSeatTakeOverTests(SqliteStore store) : SeatTakeOverTests<SqliteStore>(store), IClassFixture<SqliteStore>;
