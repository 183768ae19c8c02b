using Igo.Computer;
using Igo.Domain;
using Igo.Web.Browser;
using Igo.Web.Circuits;
using Igo.Web.Games;
using Microsoft.AspNetCore.Components;

namespace Igo.Web.Components.Pages;

/// <summary>
/// A game watched by its watch link: the live board, both players, the moves and the result, and the spectators' own
/// chat. The page holds no seat: nothing on it can send an action (<see cref="WatchSession"/>).
/// </summary>
public sealed partial class WatchPage : IAsyncDisposable
{
    private WatchSession? session;
    private IDisposable? changes;
    private string? openedId;
    private string name = string.Empty;
    private ElementReference reviewButton;
    private bool reviewing;
    private bool focusReviewButton;
    private TimeSpan offset;

    [Parameter]
    public string WatchId { get; set; } = string.Empty;

    [Inject]
    private IGameWatching Watching { get; set; } = default!;

    [Inject]
    private IComputerOpponents Computers { get; set; } = default!;

    [Inject]
    private BrowserSettings Settings { get; set; } = default!;

    [Inject]
    private ILogger<WatchSession> SessionLogger { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        // While prerendering there is no circuit: a watch opened then would close a moment later.
        if (RendererInfo.IsInteractive && !string.Equals(openedId, WatchId, StringComparison.Ordinal))
        {
            await OpenAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (focusReviewButton)
        {
            focusReviewButton = false;
            await reviewButton.FocusAsync();
        }

        if (!firstRender || !RendererInfo.IsInteractive)
        {
            return;
        }

        offset = await Settings.TimeZoneOffsetAsync();
        name = await Settings.SpectatorNameAsync();
        StateHasChanged();
    }

    private async Task OpenAsync()
    {
        await CloseAsync();
        openedId = WatchId;
        reviewing = false;
        session = new WatchSession(Watching, SessionLogger);
        changes = session.Subscribe(ChangedAsync);
        await session.OpenAsync(WatchId);
    }

    private Task RetryAsync() => OpenAsync();

    // The spectator steps back through the moves so far while the game goes on; "Back to live" returns to the live board.
    private void Review() => reviewing = true;

    private void BackToLive()
    {
        reviewing = false;
        focusReviewButton = true;
    }

    private async Task NameChangedAsync(string chosen)
    {
        name = chosen;
        if (Igo.Data.SpectatorNames.Normalize(chosen) is { } valid)
        {
            await Settings.SetSpectatorNameAsync(valid);
        }
    }

    private Task<SpectatorChatFailure?> SendAsync(string text) =>
        session?.SendChatAsync(name, text) ?? Task.FromResult<SpectatorChatFailure?>(SpectatorChatFailure.Unavailable);

    private ComputerOpponent? ComputerOf(IGameWatch watch, Color color) =>
        watch.Computers[color] is { } id ? Computers.PlaysFor(id.Length == 0 ? null : id) : null;

    private static string Title(WatchState state) => state switch
    {
        { Phase: WatchPhase.NotFound } => "Game not found · Igo",
        { Snapshot.View.Status: GameStatus.Complete } => "Game over (watching) · Igo",
        { Snapshot: { } snapshot } => $"Watching: {snapshot.View.Turn.ToTitle()} to move · Igo",
        _ => "Watching · Igo",
    };

    // Changes pushed by the game arrive on the event bus's thread: rendered on this circuit's.
    private async Task ChangedAsync()
    {
        try
        {
            await InvokeAsync(StateHasChanged);
        }
#pragma warning disable CA1031 // Handed to the renderer, which shows the error UI.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            await DispatchExceptionAsync(exception);
        }
    }

    private async Task CloseAsync()
    {
        changes?.Dispose();
        changes = null;
        if (session is not null)
        {
            await session.DisposeAsync();
            session = null;
        }
    }

    public ValueTask DisposeAsync() => new(CloseAsync());
}
