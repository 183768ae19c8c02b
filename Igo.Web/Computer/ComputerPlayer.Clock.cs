using Igo.Computer.Players;
using Igo.Domain;

namespace Igo.Web.Computer;

/// <summary>
/// A computer player's time in a timed game: it thinks within the budget its clock allows (<see cref="ThinkingBudget"/>),
/// and, should thinking still run up to its flag (a slow engine, a busy machine), it gives up the thought and passes (or,
/// asked a question, declines) in time instead of losing on time.
/// </summary>
public sealed partial class ComputerPlayer
{
    private async Task<ComputerIntent?> DecideInTimeAsync(GameView view, CancellationToken token)
    {
        var now = time.GetUtcNow();
        var budget = ThinkingBudget.For(view.Clock, seat.Color, now, view.Size, view.MoveNumber);
        if (view.Clock.Running?.Player != seat.Color || view.Clock.Read(seat.Color, now).TimeToFlag is not { } toFlag)
        {
            return await policy.DecideAsync(view, budget, token);
        }

        // The last moment to act: half the budget's margin before the flag, so the action still reaches the game in time.
        using var flag = new CancellationTokenSource(toFlag - (ThinkingBudget.Margin(toFlag) / 2), time);
        using var thinking = CancellationTokenSource.CreateLinkedTokenSource(token, flag.Token);
        try
        {
            return await policy.DecideAsync(view, budget, thinking.Token);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            var instead = view.Status == GameStatus.Play ? ComputerIntent.Pass : new ComputerIntent(ActionType.Reject);
            OutOfThinkingTime(logger, seat.GameId, seat.Color, instead);
            return instead;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Computer player of game {GameId} ({Color}) was still thinking near its flag; it plays {Intent} instead")]
    private static partial void OutOfThinkingTime(ILogger logger, long gameId, Color color, ComputerIntent intent);
}
