using System.Net;
using Igo.Domain;
using Igo.Web.Circuits;
using Igo.Web.Games;
using Igo.Web.Security;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Color = Igo.Domain.Color;

namespace Igo.Tests.Components;

/// <summary>
/// The seat a circuit holds for the game page, without the page: the join with its retries, hand-off and throttle,
/// leaving, and the pushed changes its subscribers hear of. The retry policy waits no time unless a test says so.
/// </summary>
[Trait("Category", "Components")]
public sealed class CircuitSeatTests : GamePageTestBase
{
    private const string Key = "BlackKey01";
    private static readonly SeatOutcome InUse = SeatOutcome.Refused(SeatFailure.InUse);

    private CircuitSeat Seat => Context.Services.GetRequiredService<CircuitSeat>();

    private static FakeGameSeat NewSeat(GameView? view = null, bool whiteConnected = true) =>
        new(Key, Color.Black, Snapshots.Of(view ?? TestViews.Empty(9), whiteConnected: whiteConnected));

    private static SeatOutcome Joined(IGameSeat seat) => SeatOutcome.Held(seat);

    private static ChatMessage Line(long id) => new(id, DateTimeOffset.UnixEpoch, Color.White, $"line {id}");

    [Fact]
    public async Task A_key_held_elsewhere_is_asked_for_again_until_it_is_free_and_the_game_is_followed()
    {
        var held = NewSeat();
        AnswerJoins(InUse, InUse, Joined(held));

        await Seat.OpenAsync(Key);

        Assert.Equal(3, Coordinator.Joins.Count);
        Assert.Same(held, Seat.State.Seat);
        Assert.Null(Seat.State.Failure);
        Assert.Equal(1, held.ActiveSubscriptions);
    }

    [Fact]
    public async Task After_the_last_retry_the_key_held_elsewhere_is_a_failure_and_try_again_asks_once_more()
    {
        var held = NewSeat();
        AnswerJoins(InUse, InUse, InUse, Joined(held));

        await Seat.OpenAsync(Key);

        // The first question and the policy's two retries.
        Assert.Equal(3, Coordinator.Joins.Count);
        Assert.Null(Seat.State.Seat);
        Assert.Equal(SeatFailure.InUse, Seat.State.Failure?.Outcome.Failure);
        Assert.False(Seat.State.Failure?.Throttled);

        await Seat.RetryAsync();
        Assert.Equal(4, Coordinator.Joins.Count);
        Assert.Same(held, Seat.State.Seat);

        // Holding the seat, there is nothing to try again; the same key is already shown.
        await Seat.RetryAsync();
        await Seat.OpenAsync(Key);
        Assert.Equal(4, Coordinator.Joins.Count);
    }

    [Fact]
    public async Task Leaving_while_waiting_to_ask_again_gives_up_at_once()
    {
        Context.Services.AddSingleton(new SeatRetryPolicy([TimeSpan.FromHours(1)]));
        AnswerJoins(InUse);

        var opening = Seat.OpenAsync(Key);
        Assert.False(opening.IsCompleted);
        await Seat.LeaveAsync();
        await opening;

        Assert.Single(Coordinator.Joins);
        Assert.Same(SeatState.Opening, Seat.State);
    }

    [Fact]
    public async Task A_seat_that_arrives_after_the_page_left_is_released_not_held()
    {
        var late = new TaskCompletionSource<SeatOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        Coordinator.AnswerJoin = _ => late.Task;
        var opening = Seat.OpenAsync(Key);
        await Seat.LeaveAsync();

        var held = NewSeat();
        late.SetResult(Joined(held));
        await opening;

        Assert.True(held.Disposed);
        Assert.Equal(0, held.ActiveSubscriptions);
        Assert.Same(SeatState.Opening, Seat.State);
    }

    [Fact]
    public async Task A_seat_handed_over_is_held_without_a_join_even_from_a_throttled_address_and_released_on_leaving_it()
    {
        Context.Services.AddSingleton(Options.Create(new SecurityOptions { FailedJoinBurst = 1, FailedJoinInterval = TimeSpan.FromMinutes(1) }));
        using (var attempt = Context.Services.GetRequiredService<FailedJoinLimiter>().Begin(IPAddress.None))
        {
            attempt.Failed();
        }

        var held = NewSeat();
        await Context.Services.GetRequiredService<SeatHandOff>().OfferAsync(held);

        await Seat.OpenAsync(Key);
        Assert.Same(held, Seat.State.Seat);

        // Any other key from this address is refused before the coordinator is asked.
        await Seat.OpenAsync("OtherKey01");
        Assert.True(held.Disposed);
        Assert.Equal(true, Seat.State.Failure?.Throttled);
        Assert.Empty(Coordinator.Joins);
    }

    [Fact]
    public async Task Pushed_moves_presence_and_chat_reach_the_subscribers_and_an_older_move_changes_nothing()
    {
        var start = TestViews.Empty(9);
        var held = NewSeat(start, whiteConnected: false);
        held.Thread.Add(Line(1));
        AnswerJoins(Joined(held));
        var heard = 0;
        using var subscription = Seat.Subscribe(() =>
        {
            Interlocked.Increment(ref heard);
            return Task.CompletedTask;
        });
        await Seat.OpenAsync(Key);
        Assert.True(Seat.State.ChatLoaded);
        var afterJoin = heard;

        var next = TestViews.Place(start, new Point(4, 4), Color.Black);
        await held.PushAsync(Snapshots.Of(next, whiteConnected: false));
        Assert.Equal(afterJoin + 1, heard);
        Assert.Equal(next.Version, Seat.State.Snapshot?.View.Version);
        Assert.Equal("Black E5", Seat.State.Announcement);

        await held.PushAsync(Snapshots.Of(start, whiteConnected: false));
        Assert.Equal(afterJoin + 1, heard);
        Assert.Equal(next.Version, Seat.State.Snapshot?.View.Version);

        await held.PushPresenceAsync(Color.White, true);
        Assert.True(Seat.State.Snapshot?.Connected[Color.White]);
        Assert.Equal("White connected.", Seat.State.Announcement);

        await held.PushChatAsync(Line(2));
        Assert.Equal([1L, 2L], Seat.State.Chat.Select(m => m.Id));
        Assert.Equal(afterJoin + 3, heard);
    }

    [Fact]
    public async Task Leaving_unsubscribes_releases_the_key_and_stops_telling_the_subscribers()
    {
        var held = NewSeat();
        AnswerJoins(Joined(held));
        var heard = 0;
        var subscription = Seat.Subscribe(() =>
        {
            heard++;
            return Task.CompletedTask;
        });
        await Seat.OpenAsync(Key);

        subscription.Dispose();
        await Seat.LeaveAsync();
        var afterLeaving = heard;
        await Seat.LeaveAsync();

        Assert.True(held.Disposed);
        Assert.Equal(0, held.ActiveSubscriptions);
        Assert.Same(SeatState.Opening, Seat.State);
        Assert.Equal(afterLeaving, heard);
    }

    [Fact]
    public async Task A_lost_connection_lets_go_of_the_key_until_the_circuit_reconnects_and_takes_it_back()
    {
        var first = NewSeat();
        var again = NewSeat();
        AnswerJoins(Joined(first), Joined(again));
        await Seat.OpenAsync(Key);
        var presence = Context.Services.GetServices<CircuitHandler>().OfType<SeatPresence>().Single();

        await presence.OnConnectionDownAsync(null!, CancellationToken.None);

        // Released as a page leaving would be: the opponent is told, and the away grace starts now.
        Assert.True(first.Disposed);
        Assert.Equal(0, first.ActiveSubscriptions);
        Assert.Same(SeatState.Opening, Seat.State);

        await presence.OnConnectionUpAsync(null!, CancellationToken.None);

        Assert.Equal([Key, Key], Coordinator.Joins.Select(j => j.Key));
        Assert.Same(again, Seat.State.Seat);
        Assert.Equal(1, again.ActiveSubscriptions);

        // The circuit's first connection, or a second one, takes nothing more.
        await presence.OnConnectionUpAsync(null!, CancellationToken.None);
        Assert.Equal(2, Coordinator.Joins.Count);
    }

    [Fact]
    public async Task A_connection_back_while_the_key_is_still_being_released_takes_it_back_once_the_release_is_done()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = NewSeat();
        first.Releasing = release.Task;
        var again = NewSeat();
        AnswerJoins(Joined(first), Joined(again));
        await Seat.OpenAsync(Key);
        var presence = Context.Services.GetServices<CircuitHandler>().OfType<SeatPresence>().Single();

        var down = presence.OnConnectionDownAsync(null!, CancellationToken.None);
        var up = presence.OnConnectionUpAsync(null!, CancellationToken.None);
        await Task.Delay(100, TestContext.Current.CancellationToken);

        // Joined now, the store would find this very circuit still holding the key ("already open on this page").
        Assert.Single(Coordinator.Joins);
        Assert.False(up.IsCompleted);

        release.SetResult();
        await Task.WhenAll(down, up).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal([Key, Key], Coordinator.Joins.Select(j => j.Key));
        Assert.Same(again, Seat.State.Seat);
    }

    [Fact]
    public async Task A_page_that_left_its_game_while_disconnected_does_not_take_the_key_back()
    {
        AnswerJoins(Joined(NewSeat()));
        await Seat.OpenAsync(Key);
        var presence = Context.Services.GetServices<CircuitHandler>().OfType<SeatPresence>().Single();

        await presence.OnConnectionDownAsync(null!, CancellationToken.None);
        await Seat.LeaveAsync();
        await presence.OnConnectionUpAsync(null!, CancellationToken.None);

        Assert.Single(Coordinator.Joins);
        Assert.Same(SeatState.Opening, Seat.State);
    }

    [Fact]
    public async Task A_lost_connection_without_a_seat_or_with_a_failed_join_changes_nothing()
    {
        var presence = Context.Services.GetServices<CircuitHandler>().OfType<SeatPresence>().Single();
        await presence.OnConnectionDownAsync(null!, CancellationToken.None);
        await presence.OnConnectionUpAsync(null!, CancellationToken.None);
        Assert.Empty(Coordinator.Joins);

        AnswerJoins(SeatOutcome.Refused(SeatFailure.NotFound));
        await Seat.OpenAsync(Key);
        await presence.OnConnectionDownAsync(null!, CancellationToken.None);
        await presence.OnConnectionUpAsync(null!, CancellationToken.None);

        Assert.Single(Coordinator.Joins);
        Assert.Equal(SeatFailure.NotFound, Seat.State.Failure?.Outcome.Failure);
    }

    [Fact]
    public void The_chat_keeps_each_line_once_in_id_order_and_appears_only_once_the_earlier_thread_has_loaded()
    {
        var pushedFirst = SeatState.Holding(NewSeat()).WithChat(Line(3)).WithChat(Line(1));
        Assert.False(pushedFirst.ChatLoaded);
        Assert.Equal([1L, 3L], pushedFirst.Chat.Select(m => m.Id));

        var loaded = pushedFirst.WithThread([Line(1), Line(2)]);

        Assert.True(loaded.ChatLoaded);
        Assert.Equal([1L, 2L, 3L], loaded.Chat.Select(m => m.Id));
        Assert.Same(loaded, loaded.WithChat(Line(2)));
    }

    [Fact]
    public void Only_the_opponents_coming_and_going_is_announced()
    {
        var state = SeatState.Holding(NewSeat(whiteConnected: true));

        var ownReturn = state.WithPresence(Color.Black, false);
        var opponentLeft = state.WithPresence(Color.White, false);

        Assert.Null(ownReturn.Announcement);
        Assert.False(ownReturn.Snapshot?.Connected[Color.Black]);
        Assert.Equal("White left the game.", opponentLeft.Announcement);
        Assert.Same(state, state.WithPresence(Color.White, true));
    }

    [Fact]
    public async Task A_reload_within_the_grace_says_and_shows_nothing()
    {
        var held = NewSeat();
        AnswerJoins(Joined(held));
        await Seat.OpenAsync(Key);

        await held.PushPresenceAsync(Color.White, false);
        Clock.Advance(TimeSpan.FromSeconds(4));
        await held.PushPresenceAsync(Color.White, true);
        Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Null(Seat.State.Announcement);
        Assert.True(Seat.State.Shown?.Connected[Color.White]);
        Assert.True(Seat.State.Snapshot?.Connected[Color.White]);
    }

    [Fact]
    public async Task Leaving_is_told_once_the_grace_is_over_and_a_later_return_is_news()
    {
        var held = NewSeat();
        AnswerJoins(Joined(held));
        await Seat.OpenAsync(Key);

        await held.PushPresenceAsync(Color.White, false);
        Clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Null(Seat.State.Announcement);
        Assert.True(Seat.State.Shown?.Connected[Color.White]);

        Clock.Advance(TimeSpan.FromSeconds(0.1));
        await WaitForAsync(() => Seat.State.Announcement == "White left the game.");
        Assert.False(Seat.State.Shown?.Connected[Color.White]);

        await held.PushPresenceAsync(Color.White, true);
        Assert.Equal("White connected.", Seat.State.Announcement);
    }

    [Fact]
    public async Task A_second_leaving_counts_its_own_grace_not_the_first_ones()
    {
        var held = NewSeat();
        AnswerJoins(Joined(held));
        await Seat.OpenAsync(Key);

        await held.PushPresenceAsync(Color.White, false);
        Clock.Advance(TimeSpan.FromSeconds(3));
        await held.PushPresenceAsync(Color.White, true);
        await held.PushPresenceAsync(Color.White, false);

        // The first leaving's grace ends now: the second one's has 3 s to go.
        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(Seat.State.Announcement);
        Clock.Advance(TimeSpan.FromSeconds(3));
        await WaitForAsync(() => Seat.State.Announcement == "White left the game.");
    }

    [Fact]
    public async Task With_no_grace_leaving_is_told_at_once()
    {
        Context.Services.AddSingleton(Options.Create(new SeatNoticeOptions { LeftNoticeDelay = TimeSpan.Zero }));
        var held = NewSeat();
        AnswerJoins(Joined(held));
        await Seat.OpenAsync(Key);

        await held.PushPresenceAsync(Color.White, false);

        Assert.Equal("White left the game.", Seat.State.Announcement);
    }

    // The grace's timer may finish on another thread once the fake clock fires it: the seat's own change notice says when.
    private async Task WaitForAsync(Func<bool> condition)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Seat.Subscribe(() =>
        {
            if (condition())
            {
                reached.TrySetResult();
            }

            return Task.CompletedTask;
        });
        if (!condition())
        {
            await reached.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }
    }
}
