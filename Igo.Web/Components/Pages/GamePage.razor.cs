using Igo.Domain;
using Igo.Web.Components.Play;
using Igo.Web.Games;
using Igo.Web.Browser;
using Igo.Web.Circuits;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Igo.Web.Components.Pages;

/// <summary>
/// One game, at the player's own URL: holds the player's key for as long as the page is open, shows pushed changes
/// as they arrive and sends the player's actions through the seat.
/// </summary>
public sealed partial class GamePage : IAsyncDisposable
{
    private readonly CancellationTokenSource lifetime = new();
    private readonly List<ChatMessage> chat = [];
    private IGameSeat? seat;
    private IDisposable? subscription;
    private GameObserverAdapter? observer;
    private GameSnapshot? snapshot;
    private PositionAdvice? advice;
    private SeatOutcome? failure;
    private string? joinedKey;
    private string? announcement;
    private bool throttled;
    private bool busy;
    private bool chatLoaded;
    private bool downloading;
    private bool confirmTaps;
    private TimeSpan offset;

    [Parameter]
    public string Key { get; set; } = string.Empty;

    [Inject]
    private IGameCoordinator Coordinator { get; set; } = default!;

    [Inject]
    private SeatRetryPolicy RetryPolicy { get; set; } = default!;

    [Inject]
    private CircuitIdentity Circuit { get; set; } = default!;

    [Inject]
    private CircuitJoinGuard JoinGuard { get; set; } = default!;

    [Inject]
    private SeatHandOff HandOff { get; set; } = default!;

    [Inject]
    private RecentGames Recent { get; set; } = default!;

    [Inject]
    private IGameRecords Records { get; set; } = default!;

    [Inject]
    private BrowserStorage Storage { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IComputerOpponents Computers { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<GamePage> Logger { get; set; } = default!;

    private GameView View => snapshot!.View;

    private Domain.Color Player => seat!.Color;

    private Domain.Color Opponent => Player.Opponent();

    private GamePermissions Permissions => snapshot is null || seat is null ? GamePermissions.None : GamePermissions.For(View, Player);

    private BoardMode Mode => Permissions switch
    {
        { CanPlace: true } => BoardMode.Place,
        { CanMarkDead: true } => BoardMode.MarkDead,
        _ => BoardMode.Watch,
    };

    private bool Tallied => View.Score is not null;

    // Only dead-stone advice marks the board, and only while it still describes the game (no move played since).
    private IReadOnlySet<Point>? SuggestedDead => advice is { DeadStones: true } current && current.AppliesTo(View) ? current.SuggestedStones(View) : null;

    /// <summary>Who plays the other side when it is the computer; the chosen one, or the stand-in for it here.</summary>
    private ComputerOpponent? OpponentComputer => seat!.OpponentIsComputer ? Computers.PlaysFor(seat.OpponentComputerId) : null;

    private bool OpponentComputerStandsIn => seat!.OpponentComputerId is { } chosen && OpponentComputer is { } playing && playing.Id != chosen;

    private bool OpponentAway => !seat!.OpponentIsComputer && !snapshot!.Connected[Opponent] && View.Status != GameStatus.Complete;

    private bool WaitingForOpponent => OpponentAway && View.MoveNumber == 0;

    private string? OpponentKey => seat!.OpponentIsComputer ? null : seat.Keys.For(Opponent);

    private string? InviteUrl => OpponentKey is { } key ? Navigation.ToAbsoluteUri($"game/{Uri.EscapeDataString(key)}").ToString() : null;

    private Domain.Color[] PlayerOrder => Player == Domain.Color.Black ? [Domain.Color.Black, Domain.Color.White] : [Domain.Color.White, Domain.Color.Black];

    private string FailureTitle => throttled ? "Too many failed attempts" : failure?.Failure switch
    {
        SeatFailure.NotFound => "No game with this key",
        SeatFailure.InUse or SeatFailure.AlreadyHolding => "This game is open somewhere else",
        SeatFailure.Unavailable => "The game is unavailable right now",
        _ => "The game could not be opened",
    };

    private string? FailureKind => throttled ? "Throttled" : failure?.Failure?.ToString();

    private string Title => snapshot is null || seat is null
        ? "Igo"
        : View.Status switch
        {
            GameStatus.Play when View.Turn == Player => "● Your move · Igo",
            GameStatus.RequestPending when View.PendingRequest?.Initiator == Opponent => "● Answer needed · Igo",
            GameStatus.Complete => "Game over · Igo",
            _ => $"{Player.ToTitle()} · Igo",
        };

    protected override async Task OnParametersSetAsync()
    {
        // While prerendering there is no circuit yet: holding the key then would release it a moment later.
        if (!RendererInfo.IsInteractive || string.Equals(Key, joinedKey, StringComparison.Ordinal))
        {
            return;
        }

        await LeaveAsync();
        await JoinAsync();
    }

    private async Task RetryAsync()
    {
        failure = null;
        await JoinAsync();
    }

    private async Task JoinAsync()
    {
        joinedKey = Key;
        failure = null;
        throttled = false;
        var key = Key.Trim();

        // A seat this circuit just created on the home page is handed over, not joined: it is no guess.
        var held = HandOff.Take(key);
        if (held is null)
        {
            var outcome = await GuardedJoinAsync(key);
            if (outcome.Seat is null)
            {
                failure = outcome;
                return;
            }

            held = outcome.Seat;
        }

        if (lifetime.IsCancellationRequested)
        {
            await held.DisposeAsync();
            return;
        }

        seat = held;
        observer = new GameObserverAdapter(OnGameChangedAsync, OnChatAsync, OnPresenceAsync);
        subscription = held.Subscribe(observer);
        ApplySnapshot(held.Snapshot);
        await LoadChatAsync(held);
        await LoadBrowserSettingsAsync();
        await RememberAsync();
    }

    /// <summary>
    /// Joins within the address's failed-join allowance (shared with /websocket): a throttled address is refused before
    /// the coordinator is asked; a key that matches no game costs an attempt; a real key costs nothing.
    /// </summary>
    private async Task<SeatOutcome> GuardedJoinAsync(string key)
    {
        using var attempt = JoinGuard.Begin();
        if (attempt.RefusedFor is { } wait)
        {
            throttled = true;
            return SeatOutcome.Throttled(wait);
        }

        var outcome = await JoinWithRetriesAsync(key);
        JoinGuard.Settle(attempt, outcome);
        return outcome;
    }

    private async Task<SeatOutcome> JoinWithRetriesAsync(string key)
    {
        for (var attempt = 0; ; attempt++)
        {
            SeatOutcome outcome;
            try
            {
                outcome = await Coordinator.JoinGameAsync(key, null, Circuit.Holder, lifetime.Token);
            }
            catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
            {
                return SeatOutcome.Refused(SeatFailure.Unavailable);
            }
            catch (Exception exception)
            {
                Logger.LogError(exception, "Joining a game failed unexpectedly");
                return SeatOutcome.Refused(SeatFailure.Unavailable);
            }

            if (outcome.Failure != SeatFailure.InUse || attempt >= RetryPolicy.InUseDelays.Count)
            {
                return outcome;
            }

            try
            {
                await Task.Delay(RetryPolicy.InUseDelays[attempt], lifetime.Token);
            }
            catch (OperationCanceledException)
            {
                return outcome;
            }
        }
    }

    private async Task LoadChatAsync(IGameSeat held)
    {
        try
        {
            foreach (var message in await held.ChatThreadAsync(lifetime.Token))
            {
                AddChat(message);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Logger.LogWarning(exception, "Loading the chat thread failed");
            Snackbar.Add("The earlier chat could not be loaded; new messages still arrive.", Severity.Warning);
        }

        // Only now does the panel appear, so that what was said before the player arrived counts as read.
        chatLoaded = true;
    }

    private async Task LoadBrowserSettingsAsync()
    {
        try
        {
            offset = TimeSpan.FromMinutes(await JS.InvokeAsync<int>("igo.timeZoneOffsetMinutes"));
            var stored = await Storage.GetAsync(Preferences.ConfirmTaps);
            confirmTaps = stored is null ? await JS.InvokeAsync<bool>("igo.prefersTouch") : stored == "true";
        }
        catch (JSException exception)
        {
            Logger.LogDebug(exception, "Browser settings unavailable; using defaults");
        }
    }

    private async Task SetConfirmTapsAsync(bool value)
    {
        confirmTaps = value;
        await Storage.SetAsync(Preferences.ConfirmTaps, value ? "true" : "false");
    }

    private async Task RememberAsync()
    {
        if (seat is null || snapshot is null)
        {
            return;
        }

        var summary = View.Status == GameStatus.Complete && View.Result is { } result
            ? GameNarrative.Result(result, View.Score)
            : $"Move {View.MoveNumber}";
        await Recent.RememberAsync(new RecentGame(seat.Key, Player, View.Size, seat.OpponentIsComputer ? "computer" : "human", DateTimeOffset.UtcNow, summary));
    }

    // Observer callbacks arrive on the event bus's thread: each is marshalled onto this circuit.
    private Task OnGameChangedAsync(GameSnapshot next) => OnCircuitAsync(() =>
    {
        var endedNow = snapshot?.View.Status != GameStatus.Complete && next.View.Status == GameStatus.Complete;
        ApplySnapshot(next);
        return endedNow ? RememberAsync() : Task.CompletedTask;
    });

    private Task OnChatAsync(ChatMessage message) => OnCircuitAsync(() =>
    {
        AddChat(message);
        return Task.CompletedTask;
    });

    private Task OnPresenceAsync(Domain.Color color, bool connected) => OnCircuitAsync(() =>
    {
        if (snapshot is not null && snapshot.Connected[color] != connected)
        {
            snapshot = snapshot with { Connected = snapshot.Connected.With(color, connected) };
            if (seat is not null && color != Player)
            {
                announcement = connected ? $"{color.ToTitle()} connected." : $"{color.ToTitle()} left the game.";
            }
        }

        return Task.CompletedTask;
    });

    private async Task OnCircuitAsync(Func<Task> change)
    {
        try
        {
            await InvokeAsync(async () =>
            {
                if (seat is null)
                {
                    return;
                }

                await change();
                StateHasChanged();
            });
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    private void ApplySnapshot(GameSnapshot next)
    {
        // Changes can reach us both as a reply and as a pushed event; an older version never replaces a newer one.
        if (snapshot is { } current && next.View.Version < current.View.Version)
        {
            return;
        }

        var previous = snapshot?.View;
        snapshot = next;
        if (MoveAnnouncer.Announce(previous, next.View) is { } sentence)
        {
            announcement = sentence;
        }
    }

    private void AddChat(ChatMessage message)
    {
        if (chat.Exists(m => m.Id == message.Id))
        {
            return;
        }

        var at = chat.FindLastIndex(m => m.Id < message.Id) + 1;
        chat.Insert(at, message);
    }

    private Task PointChosenAsync(Point point) =>
        ActAsync(Mode == BoardMode.MarkDead ? ActionType.MarkDead : ActionType.PlaceStone, point);

    private Task ControlActionAsync(ActionType type) => ActAsync(type, null);

    private Task MarkSuggestedAsync(Point anchor) => ActAsync(ActionType.MarkDead, anchor);

    private Task AnswerAsync(bool accept) => ActAsync(accept ? ActionType.Accept : ActionType.Reject, null);

    private async Task ActAsync(ActionType type, Point? point)
    {
        if (seat is not { } held || busy)
        {
            return;
        }

        busy = true;
        try
        {
            var reply = await held.ActAsync(type, point, lifetime.Token);
            if (reply.Success)
            {
                ApplySnapshot(held.Snapshot);
            }
            else
            {
                Snackbar.Add(Explain(reply), reply.Failure == ActionFailure.Preempted ? Severity.Info : Severity.Warning);
            }
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The page is closing.
        }
        catch (Exception exception)
        {
            Logger.LogError(exception, "Action {Action} failed unexpectedly", type);
            Snackbar.Add("Something went wrong on the server. Please try again.", Severity.Error);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task<bool> SendChatAsync(string text)
    {
        if (seat is not { } held)
        {
            return false;
        }

        try
        {
            var reply = await held.ChatAsync(text, lifetime.Token);
            if (!reply.Success)
            {
                Snackbar.Add(Explain(reply), Severity.Warning);
            }

            return reply.Success;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Logger.LogError(exception, "Sending a chat message failed unexpectedly");
            Snackbar.Add("The message could not be sent. Please try again.", Severity.Error);
            return false;
        }
    }

    private async Task DownloadSgfAsync()
    {
        if (seat is not { } held || downloading)
        {
            return;
        }

        downloading = true;
        try
        {
            var computer = held.OpponentIsComputer ? Opponent : (Domain.Color?)null;
            var file = await Records.SgfAsync(held.GameId, computer == Domain.Color.Black, computer == Domain.Color.White, lifetime.Token);
            if (file is null)
            {
                Snackbar.Add("The game record could not be found.", Severity.Warning);
                return;
            }

            await JS.InvokeVoidAsync("igo.download", file.FileName, file.ContentType, file.Text);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Logger.LogError(exception, "Exporting a game record failed");
            Snackbar.Add("The game record could not be prepared. Please try again.", Severity.Error);
        }
        finally
        {
            downloading = false;
        }
    }

    private static string Explain(ActionReply reply) => OutcomeText.Of(reply);

    private async Task LeaveAsync()
    {
        observer?.Detach();
        observer = null;
        subscription?.Dispose();
        subscription = null;
        var held = seat;
        seat = null;
        snapshot = null;
        advice = null;
        announcement = null;
        chat.Clear();
        chatLoaded = false;
        if (held is not null)
        {
            try
            {
                await held.DisposeAsync();
            }
            catch (Exception exception)
            {
                // Nothing more can be done from a page that is going away; the log says why.
                Logger.LogWarning(exception, "Releasing a seat failed");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await lifetime.CancelAsync();
        await LeaveAsync();
        lifetime.Dispose();
    }
}
