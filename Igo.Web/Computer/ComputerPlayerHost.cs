using Igo.Computer;
using Igo.Computer.Players;
using Igo.Domain;
using Igo.Web.Games;
using Microsoft.Extensions.Options;

namespace Igo.Web.Computer;

/// <summary>
/// Runs this instance's computer players. <see cref="Launch"/> (called by the coordinator when a game against the
/// computer is created or its human rejoins) joins the computer key through the coordinator with its secret, as an
/// ordinary participant; holding the key is the lock, so across instances exactly one drives it (a second
/// join is refused as in use). Every <see cref="ComputerOptions.SweepInterval"/> it also asks the store for
/// computer keys of unfinished games that nobody holds while their human is connected (their driver stopped, or its
/// instance died and its lease expired) and takes them over. Stopping the host releases every key it holds.
/// </summary>
/// <remarks>The coordinator is reached through a function because it calls this host back (it takes the launchers).</remarks>
public sealed partial class ComputerPlayerHost(
    Func<IGameCoordinator> coordinator,
    IComputerKeyDirectory directory,
    ComputerPlayerCatalog catalog,
    IOptions<ComputerOptions> options,
    TimeProvider time,
    ILogger<ComputerPlayerHost> logger) : BackgroundService, IComputerPlayerLauncher
{
    private readonly Dictionary<string, ComputerPlayer?> players = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly string instanceTag = Guid.NewGuid().ToString("N")[..8];
    private int connections;

    /// <summary>The keys this instance drives now (for tests and health pages).</summary>
    public IReadOnlyCollection<string> DrivenKeys
    {
        get
        {
            lock (gate)
            {
                return players.Where(pair => pair.Value is not null).Select(pair => pair.Key).ToList();
            }
        }
    }

    public void Launch(ComputerSeatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (gate)
        {
            if (stopping.IsCancellationRequested || !players.TryAdd(request.Key, null))
            {
                return; // stopping, or already driven or being joined here
            }
        }

        _ = Task.Run(() => JoinAsync(request));
    }

    /// <summary>One sweep: takes over every undriven computer key it finds. Returns how many it launched.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var requests = await directory.FindUndrivenAsync(cancellationToken);
        foreach (var request in requests)
        {
            Launch(request);
        }

        return requests.Count;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await base.StopAsync(cancellationToken);
        List<ComputerPlayer> running;
        lock (gate)
        {
            running = players.Values.OfType<ComputerPlayer>().ToList();
        }

        await Task.WhenAll(running.Select(player => player.DisposeAsync().AsTask()));
    }

    public override void Dispose()
    {
        stopping.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SweepInterval;
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                try
                {
                    var found = await SweepAsync(stoppingToken);
                    if (found > 0)
                    {
                        DriverlessFound(logger, found);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    SweepFailed(logger, exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task JoinAsync(ComputerSeatRequest request)
    {
        var key = request.Key;
        ComputerPlayer? player = null;
        try
        {
            var holder = new SeatHolder(ConnectionKind.Computer, $"computer-{instanceTag}-{Interlocked.Increment(ref connections)}");
            var outcome = await coordinator().JoinGameAsync(key, request.Secret, holder, stopping.Token);
            if (outcome.Seat is not { } seat)
            {
                // In use: another instance (or connection) drives it, which is exactly what the lock is for.
                KeyNotJoined(logger, outcome.Failure);
                return;
            }

            var profile = catalog.Resolve(request.Level);
            var policy = new ComputerPlayerPolicy(catalog.BrainFor(profile), seat.Color);
            player = new ComputerPlayer(seat, policy, options.Value.OpponentAwayGrace, time, logger, Stopped);
            lock (gate)
            {
                players[key] = player;
            }

            Joined(logger, profile.Opponent.Name, seat.GameId, seat.Color);
            player.Start();
            if (stopping.IsCancellationRequested)
            {
                await player.DisposeAsync();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
#pragma warning disable CA1031 // One computer player failing to start must not stop the host; logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            StartFailed(logger, exception);
        }
        finally
        {
            if (player is null)
            {
                lock (gate)
                {
                    players.Remove(key);
                }
            }
        }
    }

    private void Stopped(ComputerPlayer player)
    {
        lock (gate)
        {
            if (players.TryGetValue(player.Key, out var current) && current == player)
            {
                players.Remove(player.Key);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep found {Count} computer players without a driver")]
    private static partial void DriverlessFound(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep for computer players without a driver failed; trying again later")]
    private static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Computer key not joined: {Failure}")]
    private static partial void KeyNotJoined(ILogger logger, SeatFailure? failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Computer player {Opponent} joined game {GameId} as {Color}")]
    private static partial void Joined(ILogger logger, string opponent, long gameId, Color color);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not start a computer player")]
    private static partial void StartFailed(ILogger logger, Exception exception);
}
