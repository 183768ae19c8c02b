using Igo.Web.Games;
using Microsoft.AspNetCore.Components;

namespace Igo.Web.Components.Watch;

/// <summary>
/// The rematch of a watched, finished game, for its spectators: the rematch's watch id is read when the game's
/// rematch changes on any instance (<see cref="IRematches.Watch"/>), and once it exists the page offers the link.
/// </summary>
public sealed partial class RematchFollow
{
    private readonly CancellationTokenSource lifetime = new();
    private IDisposable? watch;
    private long watchedGameId;
    private string? rematchWatchId;
    private string? announcement;

    [Parameter, EditorRequired]
    public long GameId { get; set; }

    [Inject]
    private IRematches Rematches { get; set; } = default!;

    [Inject]
    private ILogger<RematchFollow> Logger { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (watch is not null && watchedGameId == GameId)
        {
            return;
        }

        watch?.Dispose();
        watchedGameId = GameId;
        rematchWatchId = null;
        announcement = null;
        watch = Rematches.Watch(GameId, () => _ = InvokeAsync(RefreshAsync));
        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        if (rematchWatchId is not null)
        {
            return;
        }

        try
        {
            rematchWatchId = await Rematches.RematchWatchIdAsync(watchedGameId, lifetime.Token);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // A failed read leaves the page as it was; the next change reads again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogReadFailed(Logger, exception, watchedGameId);
        }

        if (rematchWatchId is not null)
        {
            announcement = "The players started a rematch. A link to watch it is below the result.";
        }

        StateHasChanged();
    }

    public void Dispose()
    {
        watch?.Dispose();
        lifetime.Cancel();
        lifetime.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the rematch of watched game {GameId} failed")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, long gameId);
}
