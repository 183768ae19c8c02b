using Igo.Web.Games;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Igo.Web.Components.Play;

public sealed partial class SgfDownload
{
    private readonly CancellationTokenSource lifetime = new();
    private bool downloading;

    [Parameter, EditorRequired]
    public IGameSeat Seat { get; set; } = default!;

    /// <summary>The computer player on the opponent's side, named in the record ("GNU Go, level 5"); null for a person.</summary>
    [Parameter]
    public string? OpponentComputer { get; set; }

    [Inject]
    private IGameRecords Records { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<SgfDownload> Logger { get; set; } = default!;

    private async Task DownloadAsync()
    {
        if (downloading)
        {
            return;
        }

        downloading = true;
        try
        {
            var computer = Seat.OpponentIsComputer ? OpponentComputer ?? "Computer" : null;
            var (black, white) = Seat.Color == Domain.Color.White ? (computer, (string?)null) : (null, computer);
            var file = await Records.SgfAsync(Seat.GameId, black, white, lifetime.Token);
            if (file is null)
            {
                Snackbar.Add("The game record could not be found.", Severity.Warning);
                return;
            }

            await JS.InvokeVoidAsync("igo.download", file.FileName, file.ContentType, file.Text);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The page has closed.
        }
#pragma warning disable CA1031 // The player is told to try again; the failure is logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            ExportFailed(Logger, exception, Seat.GameId);
            Snackbar.Add("The game record could not be prepared. Please try again.", Severity.Error);
        }
        finally
        {
            downloading = false;
        }
    }

    public void Dispose()
    {
        lifetime.Cancel();
        lifetime.Dispose();
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Error, Message = "Exporting the record of game {GameId} failed")]
    private static partial void ExportFailed(ILogger logger, Exception exception, long gameId);
}
