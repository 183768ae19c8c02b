using Igo.Domain;
using Igo.Web.Components.Play;
using Igo.Web.Games;
using MudBlazor;

namespace Igo.Web.Circuits;

/// <summary>
/// What the Blazor UI tells the player when something they did through their seat did not work, in its own words
/// (a passing notice), and what it logs when the cause is ours.
/// </summary>
internal sealed partial class SeatNotices(ISnackbar snackbar, ILogger<SeatNotices> logger)
{
    /// <summary>The game refused an action or a chat line; a move the opponent's action overtook is only news.</summary>
    public void Refused(ActionReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = OutcomeText.Of(reply);
        snackbar.Add(text, reply.Failure == ActionFailure.Preempted ? Severity.Info : Severity.Warning);
    }

    public void ActionFailed(Exception exception, ActionType action)
    {
        ActionFailedUnexpectedly(logger, exception, action);
        snackbar.Add("Something went wrong on the server. Please try again.", Severity.Error);
    }

    public void ChatFailed(Exception exception)
    {
        ChatFailedUnexpectedly(logger, exception);
        snackbar.Add("The message could not be sent. Please try again.", Severity.Error);
    }

    public void ChatThreadFailed(Exception exception)
    {
        ChatThreadUnavailable(logger, exception);
        snackbar.Add("The earlier chat could not be loaded; new messages still arrive.", Severity.Warning);
    }

    /// <summary>Nothing more can be done from a page that is going away; the log says why.</summary>
    public void ReleaseFailed(Exception exception, long gameId) => ReleaseFailedUnexpectedly(logger, exception, gameId);

    /// <summary>The player's other tab or device took the seat; the page shows why it holds none (nothing to pop up).</summary>
    public void LostToTakeOver(long gameId, Igo.Domain.Color color) => SeatTakenOver(logger, gameId, color);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Information, Message = "The {Color} seat of game {GameId} was taken over by another tab or device")]
    private static partial void SeatTakenOver(ILogger logger, long gameId, Igo.Domain.Color color);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Error, Message = "Action {Action} failed unexpectedly")]
    private static partial void ActionFailedUnexpectedly(ILogger logger, Exception exception, ActionType action);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Error, Message = "Sending a chat message failed unexpectedly")]
    private static partial void ChatFailedUnexpectedly(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Warning, Message = "Loading the chat thread failed")]
    private static partial void ChatThreadUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Warning, Message = "Releasing the seat of game {GameId} failed")]
    private static partial void ReleaseFailedUnexpectedly(ILogger logger, Exception exception, long gameId);
}
