using Igo.Computer.Players;
using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Web.Computer;

/// <summary>
/// One computer player holding its key in one game, like a connection: it watches the game through the seat and,
/// whenever the game changes, decides in the background (never on the thread that delivered the change) and acts
/// through the seat. A refused action is reported to its policy, which then chooses something else, so it never
/// repeats an action that cannot succeed. It stops, releasing the key, when the game is complete, when its human
/// opponent has been away for the grace period given (a page reload should not make it leave), or when the host stops.
/// </summary>
public sealed partial class ComputerPlayer : IGameObserver, IAsyncDisposable
{
    /// <summary>Attempts per game version: a decision, a refusal, a new decision... then it waits for the game to change.</summary>
    private const int AttemptsPerVersion = 6;

    private static readonly TimeSpan RetryAfterError = TimeSpan.FromSeconds(2);

    private readonly IGameSeat seat;
    private readonly ComputerPlayerPolicy policy;
    private readonly ILogger logger;
    private readonly Action<ComputerPlayer> stopped;
    private readonly TimeSpan opponentAwayGrace;
    private readonly TimeProvider time;
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim changed = new(0, 1);
    private readonly Lock gate = new();
    private GameSnapshot latest;
    private IDisposable? subscription;
    private Task running = Task.CompletedTask;
    private CancellationTokenSource? awayTimer;
    private int disposed;

    public ComputerPlayer(IGameSeat seat, ComputerPlayerPolicy policy, TimeSpan opponentAwayGrace, TimeProvider time, ILogger logger, Action<ComputerPlayer> stopped)
    {
        ArgumentNullException.ThrowIfNull(seat);
        this.seat = seat;
        this.opponentAwayGrace = opponentAwayGrace;
        this.time = time;
        this.policy = policy;
        this.logger = logger;
        this.stopped = stopped;
        latest = seat.Snapshot;
    }

    public string Key => seat.Key;

    public long GameId => seat.GameId;

    public Color Color => seat.Color;

    /// <summary>Completes when the player has stopped and released its key.</summary>
    public Task Completion => running;

    public void Start()
    {
        subscription = seat.Subscribe(this);
        Offer(seat.Snapshot);
        running = Task.Run(RunAsync);
        if (!latest.Connected[seat.Color.Opponent()])
        {
            StartAwayTimer();
        }
    }

    public Task OnGameChangedAsync(GameSnapshot snapshot)
    {
        Offer(snapshot);
        return Task.CompletedTask;
    }

    public Task OnChatAsync(ChatMessage message) => Task.CompletedTask;

    public Task OnPresenceAsync(Color color, bool connected)
    {
        if (color != seat.Color)
        {
            if (connected)
            {
                CancelAwayTimer();
            }
            else
            {
                StartAwayTimer();
            }
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await running.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private void Offer(GameSnapshot snapshot)
    {
        lock (gate)
        {
            if (snapshot.View.Version < latest.View.Version)
            {
                return;
            }

            latest = snapshot;
        }

        try
        {
            if (changed.CurrentCount == 0)
            {
                changed.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the loop will read the latest snapshot.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private GameSnapshot Latest()
    {
        lock (gate)
        {
            return latest;
        }
    }

    private async Task RunAsync()
    {
        var token = stopping.Token;
        var actedAt = -1;
        try
        {
            while (!token.IsCancellationRequested)
            {
                await changed.WaitAsync(token);
                var snapshot = Latest();
                if (snapshot.View.Status == GameStatus.Complete)
                {
                    StopsAtGameEnd(logger, seat.GameId, seat.Color);
                    break;
                }

                // One action per version of the game: after acting, wait for the game to move on.
                if (snapshot.View.Version <= actedAt)
                {
                    continue;
                }

                if (await ActOnAsync(snapshot.View, token))
                {
                    actedAt = snapshot.View.Version;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await ReleaseAsync();
        }
    }

    // Decides and acts on one version of the game; true when an action was accepted.
    private async Task<bool> ActOnAsync(GameView view, CancellationToken token)
    {
        for (var attempt = 0; attempt < AttemptsPerVersion; attempt++)
        {
            ComputerIntent? intent;
            try
            {
                intent = await DecideInTimeAsync(view, token);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                DecisionFailed(logger, exception, seat.GameId, seat.Color);
                await Task.Delay(RetryAfterError, time, token);
                continue;
            }

            if (intent is null || Latest().View.Version != view.Version)
            {
                // Nothing to do, or the game moved on while it was thinking: the next change brings a fresh decision.
                return false;
            }

            var reply = intent.MarkingVersion is { } version
                ? await seat.AcceptCountAsync(version, token)
                : await seat.ActAsync(intent.Type, intent.Point, token);
            if (reply.Success)
            {
                return true;
            }

            if (reply.Failure is ActionFailure.Preempted)
            {
                return false;
            }

            IntentRefused(logger, seat.GameId, seat.Color, intent, reply.Failure);
            policy.Refused(view, intent);
        }

        GivesUpOnVersion(logger, seat.GameId, seat.Color, view.Version, AttemptsPerVersion);
        return false;
    }

    private void StartAwayTimer()
    {
        CancellationTokenSource timer;
        lock (gate)
        {
            awayTimer?.Cancel();
            awayTimer?.Dispose();
            awayTimer = timer = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        }

        _ = Task.Delay(opponentAwayGrace, time, timer.Token).ContinueWith(
            async delay =>
            {
                if (delay.IsCompletedSuccessfully)
                {
                    LeavesOpponentAway(logger, seat.GameId, seat.Color);
                    await StopAsync();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
    }

    private void CancelAwayTimer()
    {
        lock (gate)
        {
            awayTimer?.Cancel();
            awayTimer?.Dispose();
            awayTimer = null;
        }
    }

    private async Task StopAsync()
    {
        if (!stopping.IsCancellationRequested)
        {
            await stopping.CancelAsync();
        }
    }

    private async Task ReleaseAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        CancelAwayTimer();
        subscription?.Dispose();
        try
        {
            await seat.DisposeAsync();
        }
#pragma warning disable CA1031 // A failed release is the lease's to clean up; stopping must not fail.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            ReleaseFailed(logger, exception, seat.GameId, seat.Color);
        }

        stopped(this);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Computer player of game {GameId} ({Color}) stops: the game is complete")]
    private static partial void StopsAtGameEnd(ILogger logger, long gameId, Color color);

    [LoggerMessage(Level = LogLevel.Error, Message = "Computer player of game {GameId} ({Color}) could not decide; trying again shortly")]
    private static partial void DecisionFailed(ILogger logger, Exception exception, long gameId, Color color);

    [LoggerMessage(Level = LogLevel.Information, Message = "Computer player of game {GameId} ({Color}): {Intent} refused ({Failure}); choosing again")]
    private static partial void IntentRefused(ILogger logger, long gameId, Color color, ComputerIntent intent, ActionFailure? failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Computer player of game {GameId} ({Color}) gives up on version {Version} after {Attempts} refused actions")]
    private static partial void GivesUpOnVersion(ILogger logger, long gameId, Color color, long version, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Computer player of game {GameId} ({Color}) leaves: its opponent is away")]
    private static partial void LeavesOpponentAway(ILogger logger, long gameId, Color color);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Computer player of game {GameId} ({Color}) could not release its key cleanly")]
    private static partial void ReleaseFailed(ILogger logger, Exception exception, long gameId, Color color);
}
