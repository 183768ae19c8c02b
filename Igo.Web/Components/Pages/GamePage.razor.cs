using Igo.Computer;
using Igo.Domain;
using Igo.Web.Browser;
using Igo.Web.Circuits;
using Igo.Web.Components.Play;
using Igo.Web.Games;
using Microsoft.AspNetCore.Components;

namespace Igo.Web.Components.Pages;

/// <summary>
/// One game, at the player's own URL: the game's components laid out around the seat this circuit holds
/// (<see cref="CircuitSeat"/>), which joins, follows the game and sends the player's actions for as long as the page is open.
/// </summary>
public sealed partial class GamePage : IAsyncDisposable
{
    private readonly ShownRenders shown = new();
    private const int NoPosition = -1;
    private int positionShown = NoPosition;
    private IDisposable? changes;
    private PositionAdvice? advice;
    private bool confirmTaps;
    private TimeSpan offset;
    private BoardRefusal? refusal;

    [Parameter]
    public string Key { get; set; } = string.Empty;

    [Inject]
    private CircuitSeat Seat { get; set; } = default!;

    [Inject]
    private BrowserSettings Settings { get; set; } = default!;

    [Inject]
    private IComputerOpponents Computers { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized() => changes = Seat.Subscribe(SeatChangedAsync);

    protected override async Task OnParametersSetAsync()
    {
        // While prerendering there is no circuit yet: holding the key then would release it a moment later.
        if (RendererInfo.IsInteractive)
        {
            await Seat.OpenAsync(Key);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        shown.Shown();

        // The chat shows times on the player's clock, which only the browser knows.
        if (!firstRender || !RendererInfo.IsInteractive)
        {
            return;
        }

        var local = await Settings.TimeZoneOffsetAsync();
        if (local != offset)
        {
            offset = local;
            StateHasChanged();
        }
    }

    // Changes pushed by the game arrive on the event bus's thread: rendered on this circuit's. A new position counts as
    // taken once the browser has it, so that the game's spectators start only then (ADR 14). Every other change (the
    // player's own action on its way, a notice, presence, the page's first position) is taken at once: the player's
    // move is never held back.
    private async Task SeatChangedAsync()
    {
        try
        {
            var rendered = shown.Next;
            var version = Seat.State.Snapshot?.View.Version ?? NoPosition;
            await InvokeAsync(StateHasChanged);
            var previous = Interlocked.Exchange(ref positionShown, version);
            if (previous != NoPosition && previous != version)
            {
                await ShownRenders.WithinAsync(rendered, GameObservers.DefaultSpectatorsWait);
            }
        }
#pragma warning disable CA1031 // Handed to the renderer, which shows the error UI.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            await DispatchExceptionAsync(exception);
        }
    }

    private static HeldSeat? Held(SeatState state) => state is { Seat: { } seat, Shown: { } snapshot } ? new HeldSeat(seat, snapshot) : null;

    // Only dead-stone advice marks the board, and only while it still describes the game (no move played since).
    private IReadOnlySet<Point>? SuggestedDead(GameView view) =>
        advice is { DeadStones: true } current && current.AppliesTo(view) ? current.SuggestedStones(view) : null;

    // The computer player on the other side by name (the one that plays here), for the game's record.
    private string? OpponentComputer(HeldSeat held) => held.Seat.OpponentIsComputer ? Computers.PlaysFor(held.Seat.OpponentComputerId).Name : null;

    private string? InviteUrl(HeldSeat held) =>
        held.OpponentKey is { } key ? Navigation.ToAbsoluteUri($"game/{Uri.EscapeDataString(key)}").ToString() : null;

    private string WatchUrl(HeldSeat held) => Navigation.ToAbsoluteUri($"watch/{held.Seat.WatchId}").ToString();

    // In the scoring phase a click toggles the group under it on the shared board.
    private Task PointChosenAsync(HeldSeat held, Point point) => held.Mode == BoardMode.MarkDead
        ? Seat.ActAsync(held.View[point].MarkedDead ? ActionType.MarkGroupAlive : ActionType.MarkGroupDead, point)
        : Seat.ActAsync(ActionType.PlaceStone, point);

    // A point the rules refuse: said beside the board and in the live region until the game moves on.
    private void Refused(HeldSeat held, ActionRefusal reason) => refusal = new BoardRefusal(held.View.Version, OutcomeText.OfRefusal(reason));

    private string? RefusalShown(HeldSeat held) => refusal is { } shown && shown.Version == held.View.Version ? shown.Text : null;

    public async ValueTask DisposeAsync()
    {
        changes?.Dispose();
        await Seat.LeaveAsync();
    }
}
