using Igo.Data;
using Igo.Data.Diagnostics;
using Igo.Data.Events;
using Igo.Data.Model;
using Igo.Data.Stores;
using Igo.Domain;
using Igo.Web.Operations;

namespace Igo.Web.Games;

/// <summary>
/// The one path by which a player reaches a game: creating and joining give a held key (a seat), and every action
/// and chat line of the seat goes through the game's <see cref="LiveGame"/> queue here. Games are in memory while a
/// connection on this instance holds one of their keys.
/// </summary>
internal sealed partial class GameCoordinator : IGameCoordinator, IAsyncDisposable
{
    private const int MaxConnectionIdLength = 100;

    private readonly GameServices services;
    private readonly LiveGames games;
    private readonly IReadOnlyList<IComputerPlayerLauncher> launchers;
    private readonly ILogger<GameCoordinator> logger;
    private readonly KeyReleases releases;
    private int disposed;

    public GameCoordinator(
        GameStore store,
        ActionWriter writer,
        IGameEventBus bus,
        IgoInstance instance,
        TimeProvider time,
        IEnumerable<IComputerPlayerLauncher> launchers,
        IgoMetrics metrics,
        ILogger<GameCoordinator> logger)
    {
        services = new GameServices(store, writer, bus, instance, time, metrics, logger);
        games = new LiveGames(services);
        releases = new KeyReleases(services);
        this.launchers = [.. launchers];
        this.logger = logger;
    }

    internal GameStore Store => services.Store;

    public async Task<SeatOutcome> CreateGameAsync(NewGameRequest request, SeatHolder holder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(holder);
        if ((InvalidHolder(holder) ?? Invalid(request)) is { } invalid)
        {
            return invalid;
        }

        var keys = new GameKeys(PlayerKeys.New(), PlayerKeys.New());
        var computer = request.Opponent == OpponentKind.Computer;
        var secret = computer ? PlayerKeys.New() : null;
        var storeHolder = StoreHolder(holder);
        long gameId;
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // Not cancellable: the creator holds a key from the moment the game is stored, and must get its seat.
            var stored = await services.Store.CreateGameAsync(
                new NewGame(request.Size, request.Rules, keys.Black, keys.White, request.CreatorColor, storeHolder, secret, computer ? request.ComputerLevel : null, StoreTime.Now(services.Time)),
                CancellationToken.None);
            gameId = stored.Id;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStoreFailed(exception, "create a game");
            return Unavailable();
        }

        var seat = await TryOpenSeatAsync(gameId, request.CreatorColor, storeHolder, keys.For(request.CreatorColor), holder.Kind);
        if (seat is null)
        {
            return Unavailable();
        }

        var opponent = request.CreatorColor.Opponent();
        if (secret is not null)
        {
            Launch(new ComputerSeatRequest(gameId, keys.For(opponent), secret, request.ComputerLevel));
        }

        return SeatOutcome.Held(seat);
    }

    public async Task<SeatOutcome> JoinGameAsync(string key, string? computerSecret, SeatHolder holder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(holder);
        if (InvalidHolder(holder) is { } invalid)
        {
            return invalid;
        }

        key ??= string.Empty;
        if (!PlayerKeys.IsWellFormed(key))
        {
            return SeatOutcome.Refused(SeatFailure.NotFound);
        }

        var storeHolder = StoreHolder(holder);
        PlayerKeyRecord? found;
        try
        {
            found = await services.Store.FindKeyAsync(key, cancellationToken);
            if (found is null)
            {
                return SeatOutcome.Refused(SeatFailure.NotFound);
            }

            // The in-use test comes first: while the computer is connected, a human is told "someone else" (docs/PROTOCOL.md §4).
            if (found.HeldByInstance is not null)
            {
                return HeldFailure(found.HeldByInstance == storeHolder.Instance && found.HeldByConnection == storeHolder.ConnectionId);
            }

            if (found.ComputerSecret is null ? computerSecret is not null : !PlayerKeys.SecretMatches(found.ComputerSecret, computerSecret))
            {
                return SeatOutcome.Refused(computerSecret is null ? SeatFailure.ComputerOnly : SeatFailure.WrongSecret);
            }

            // Not cancellable: once the key is taken, the caller must get the seat that releases it.
            switch (await services.Store.TryHoldKeyAsync(key, storeHolder, StoreTime.Now(services.Time), CancellationToken.None))
            {
                case HoldResult.NotFound:
                    return SeatOutcome.Refused(SeatFailure.NotFound);
                case HoldResult.InUse:
                    return HeldFailure(sameConnection: false);
                case HoldResult.AlreadyHolding:
                    return HeldFailure(sameConnection: true);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStoreFailed(exception, "join a game");
            return Unavailable();
        }

        var seat = await TryOpenSeatAsync(found.GameId, found.Color, storeHolder, key, holder.Kind);
        if (seat is null)
        {
            return Unavailable();
        }

        await AnnounceAsync(seat, connected: true);
        var computer = seat.Live.KeyOf(seat.Color.Opponent());
        if (computer.ComputerSecret is { } secret && !seat.Snapshot.Connected[computer.Color])
        {
            Launch(new ComputerSeatRequest(seat.GameId, computer.Key, secret, computer.ComputerLevel));
        }

        return SeatOutcome.Held(seat);
    }

    public async ValueTask DisposeAsync()
    {
        // Registered under two service types, so the container disposes it twice.
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await releases.DisposeAsync();
        await games.DisposeAsync();
    }

    /// <summary>Releases a seat's key durably, tells everyone, and lets the game go from memory when no seat needs it.</summary>
    internal async Task ReleaseAsync(GameSeat seat)
    {
        services.Metrics.PlayerDisconnected(MetricNames.Kind(seat.HolderKind));
        await releases.ReleaseAsync(seat.Key, seat.StoreHolder);
        await AnnounceAsync(seat, connected: false);
        await games.LetGoAsync(seat.Live.Id);
    }

    /// <summary>Tells observers here and the other instances that a key was taken or released; a failure only delays it.</summary>
    private async Task AnnounceAsync(GameSeat seat, bool connected)
    {
        try
        {
            await seat.Live.PresenceChangedHereAsync(seat.Color, connected);
        }
#pragma warning disable CA1031 // The key change is durable already; others learn of it on their next resync.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogStoreFailed(exception, "announce a key change");
        }
    }

    private async Task<GameSeat?> TryOpenSeatAsync(long gameId, Color color, KeyHolder holder, string key, ConnectionKind kind)
    {
        try
        {
            var seat = new GameSeat(this, await games.AcquireAsync(gameId), color, holder, kind);
            services.Metrics.PlayerConnected(MetricNames.Kind(kind));
            return seat;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStoreFailed(exception, "load a game");
            await games.LetGoAsync(gameId);
            await releases.ReleaseAsync(key, holder);
            return null;
        }
    }

    private void Launch(ComputerSeatRequest request)
    {
        foreach (var launcher in launchers)
        {
            try
            {
                launcher.Launch(request);
            }
#pragma warning disable CA1031 // A launcher's bug must not fail the human's create or join.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogLaunchFailed(exception, request.GameId);
            }
        }
    }

    private KeyHolder StoreHolder(SeatHolder holder) => new(services.Instance.Id, $"{holder.Kind}:{holder.ConnectionId}");

    private static SeatOutcome? InvalidHolder(SeatHolder holder) =>
        holder.ConnectionId is { Length: > 0 and <= MaxConnectionIdLength } ? null : SeatOutcome.InvalidBecause(InvalidRequest.ConnectionId);

    private static SeatOutcome? Invalid(NewGameRequest request)
    {
        if (GameSettings.Check(request.Size, request.Rules) is { } refusal)
        {
            return SeatOutcome.InvalidBecause(InvalidRequest.Settings, refusal);
        }

        return request.CreatorColor is Color.Black or Color.White ? null : SeatOutcome.InvalidBecause(InvalidRequest.CreatorColor);
    }

    private static SeatOutcome HeldFailure(bool sameConnection) =>
        SeatOutcome.Refused(sameConnection ? SeatFailure.AlreadyHolding : SeatFailure.InUse);

    private static SeatOutcome Unavailable() => SeatOutcome.Refused(SeatFailure.Unavailable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store failed while trying to {Operation}")]
    private partial void LogStoreFailed(Exception exception, string operation);

    [LoggerMessage(Level = LogLevel.Error, Message = "Starting the computer player of game {GameId} failed")]
    private partial void LogLaunchFailed(Exception exception, long gameId);
}
