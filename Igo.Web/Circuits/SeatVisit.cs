using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Web.Circuits;

/// <summary>
/// The game page's stay at one key, from the join until it leaves: what gives up when it leaves (<see cref="Ending"/>),
/// the seat once held and the subscription to its game. It observes the seat, and hands each event on as a change of
/// the state; <see cref="CircuitSeat"/> applies that only while this is the visit shown, so late events of a game the
/// page has left are dropped.
/// </summary>
internal sealed class SeatVisit : IGameObserver, IAsyncDisposable
{
    private readonly CancellationTokenSource lifetime = new();
    private readonly Func<SeatVisit, Func<SeatState, SeatState>, Task> apply;
    private readonly Func<SeatVisit, Color, bool, Task> presence;

    public SeatVisit(string key, Func<SeatVisit, Func<SeatState, SeatState>, Task> apply, Func<SeatVisit, Color, bool, Task> presence)
    {
        Key = key;
        Ending = lifetime.Token;
        this.apply = apply;
        this.presence = presence;
    }

    public string Key { get; }

    /// <summary>Cancelled when the page leaves the game: a join, action or load still under way gives up.</summary>
    public CancellationToken Ending { get; }

    public bool Joining { get; set; }

    public IGameSeat? Seat { get; private set; }

    private IDisposable? Subscription { get; set; }

    /// <summary>Holds <paramref name="seat"/> and follows its game; events may arrive from now, on another thread.</summary>
    public void Hold(IGameSeat seat)
    {
        Seat = seat;
        Subscription = seat.Subscribe(this);
    }

    public Task OnGameChangedAsync(GameSnapshot snapshot) => apply(this, state => state.WithSnapshot(snapshot));

    public Task OnChatAsync(ChatMessage message) => apply(this, state => state.WithChat(message));

    public Task OnPresenceAsync(Color color, bool connected) => presence(this, color, connected);

    /// <summary>Ends the stay: what is under way gives up and no more events come. Releasing the seat is the owner's.</summary>
    public async ValueTask DisposeAsync()
    {
        await lifetime.CancelAsync();
        lifetime.Dispose();
        Subscription?.Dispose();
    }
}
