using Igo.Data.Stores;
using Igo.Domain;
using Igo.Web.Games;
using Microsoft.AspNetCore.Components;

namespace Igo.Web.Components.Play;

/// <summary>
/// The rematch of a finished game as its player sees it. The state is the store's, re-read whenever the game's
/// rematch changes on any instance (<see cref="IRematches.Watch"/>); the page moves to the rematch as soon as its
/// player's own new key is known.
/// </summary>
public sealed partial class RematchPanel : IDisposable
{
    private readonly CancellationTokenSource lifetime = new();
    private IDisposable? watch;
    private ITimer? cooldownEnd;
    private ITimer? offerLimitEnd;
    private DateTimeOffset? offersLimitedUntil;
    private RematchStatus? status;
    private string? announcement;
    private string? problem;
    private bool busy;
    private bool moved;

    [Parameter, EditorRequired]
    public IGameSeat Seat { get; set; } = default!;

    [Inject]
    private IRematches Rematches { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ILogger<RematchPanel> Logger { get; set; } = default!;

    private Color Opponent => Seat.Color.Opponent();

    private bool DeclinedMine => status is { Declined: { } declined, OfferedBy: null } && declined == Seat.Color;

    private bool CoolingDown => DeclinedMine && status!.DeclinedAt is { } at && Time.GetUtcNow() < at + Games.Rematches.DeclineCooldown;

    private bool OffersLimited => offersLimitedUntil is { } until && Time.GetUtcNow() < until;

    protected override async Task OnInitializedAsync()
    {
        watch = Rematches.Watch(Seat.GameId, () => _ = InvokeAsync(RefreshAsync));
        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        try
        {
            Show(await Rematches.StatusAsync(Seat.Key, lifetime.Token));
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // A failed read leaves the panel as it was; the next change reads again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogReadFailed(Logger, exception, Seat.GameId);
        }

        StateHasChanged();
    }

    private Task YesAsync() => AnswerAsync(Rematches.YesAsync);

    private Task NoAsync() => AnswerAsync(Rematches.NoAsync);

    private async Task AnswerAsync(Func<string, CancellationToken, Task<RematchAnswer>> answer)
    {
        if (busy)
        {
            return;
        }

        busy = true;
        problem = null;
        try
        {
            var result = await answer(Seat.Key, lifetime.Token);
            problem = result.Outcome switch
            {
                RematchOutcome.DeclinedRecently => "Your offer was declined a moment ago: you may offer again in a minute.",
                RematchOutcome.TooManyOffers => LimitOffers(result.MayOfferAt),
                RematchOutcome.NotOver or RematchOutcome.NoSuchKey => "There is no rematch to answer here.",
                _ => null,
            };
            if (result.NewKey is { } key)
            {
                MoveTo(key);
                return;
            }

            Show(await Rematches.StatusAsync(Seat.Key, lifetime.Token));
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The store is unreachable: say so, and the player may press again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogAnswerFailed(Logger, exception, Seat.GameId);
            problem = "The server could not record that. Please try again.";
        }
        finally
        {
            busy = false;
        }
    }

    private void Show(RematchStatus? next)
    {
        if (next?.NewKey is { } key)
        {
            MoveTo(key);
            return;
        }

        announcement = Announcement(status, next) ?? announcement;
        status = next;
        ScheduleCooldownEnd();
    }

    private string? Announcement(RematchStatus? before, RematchStatus? after)
    {
        if (before is null || after is null || before.OfferedBy == after.OfferedBy)
        {
            return null;
        }

        return after.OfferedBy switch
        {
            { } by when by == Opponent => $"{Opponent.ToTitle()} offers a rematch, with colours swapped.",
            { } => "Rematch offered.",
            null when Declined(before, after, Seat.Color) => $"{Opponent.ToTitle()} declined the rematch.",
            null when Declined(before, after, Opponent) => "You declined the rematch.",
            null when before.OfferedBy == Opponent => $"{Opponent.ToTitle()} withdrew the rematch offer.",
            null => "You withdrew the rematch offer.",
        };
    }

    private static bool Declined(RematchStatus before, RematchStatus after, Color offerer) =>
        after.Declined == offerer && after.DeclinedAt != before.DeclinedAt;

    // The offer button comes back by itself when the wait ends, with nothing else happening then.
    private void ScheduleCooldownEnd()
    {
        cooldownEnd?.Dispose();
        cooldownEnd = null;
        if (CoolingDown && status!.DeclinedAt is { } at)
        {
            cooldownEnd = Time.CreateTimer(_ => _ = InvokeAsync(StateHasChanged), null, at + Games.Rematches.DeclineCooldown - Time.GetUtcNow(), Timeout.InfiniteTimeSpan);
        }
    }

    // Two offers a minute at most: the button waits, the player is told how long, and both clear when the wait ends.
    private string LimitOffers(DateTimeOffset? until)
    {
        offersLimitedUntil = until ?? Time.GetUtcNow() + RematchOfferLimit.Window;
        var wait = offersLimitedUntil.Value - Time.GetUtcNow();
        offerLimitEnd?.Dispose();
        offerLimitEnd = Time.CreateTimer(_ => _ = InvokeAsync(EndOfferLimit), null, wait, Timeout.InfiniteTimeSpan);
        return $"You have offered a rematch twice in a minute. You can offer again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s.";
    }

    private void EndOfferLimit()
    {
        offersLimitedUntil = null;
        problem = null;
        StateHasChanged();
    }

    private void MoveTo(string key)
    {
        if (moved)
        {
            return;
        }

        moved = true;
        Navigation.NavigateTo($"game/{Uri.EscapeDataString(key)}");
    }

    public void Dispose()
    {
        watch?.Dispose();
        cooldownEnd?.Dispose();
        offerLimitEnd?.Dispose();
        lifetime.Cancel();
        lifetime.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the rematch of game {GameId} failed")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, long gameId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering the rematch of game {GameId} failed")]
    private static partial void LogAnswerFailed(ILogger logger, Exception exception, long gameId);
}
