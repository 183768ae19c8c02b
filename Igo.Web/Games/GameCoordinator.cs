using Igo.Data;
using Igo.Data.Diagnostics;
using Igo.Data.Events;
using Igo.Data.Stores;
using Igo.Domain;
using Microsoft.Extensions.Options;

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
        IOptions<ClockOptions> clocks,
        IEnumerable<IComputerPlayerLauncher> launchers,
        IEnumerable<IMarkingSuggester> suggesters,
        IgoMetrics metrics,
        ILogger<GameCoordinator> logger)
    {
        ArgumentNullException.ThrowIfNull(clocks);
        services = new GameServices(store, writer, bus, instance, time, clocks.Value, metrics, logger, suggesters.FirstOrDefault());
        games = new LiveGames();
        releases = new KeyReleases(services);
        this.launchers = [.. launchers];
        this.logger = logger;
    }

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
        var game = new NewGame(request.Size, request.Rules, keys.Black, keys.White, request.CreatorColor, storeHolder, secret, computer ? request.ComputerLevel : null, StoreTime.Now(services.Time), request.TimeControl) { Listed = request.Listed };
        long gameId;
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // Not cancellable: the creator holds a key from the moment the game is stored, and must get its seat.
            gameId = await services.Writer.CreateGameAsync(game, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStoreFailed(exception, "create a game");
            return Unavailable();
        }

        // What was stored is the whole game: the creator's copy needs no read.
        var (seat, _) = await TryOpenSeatAsync(gameId, () => LiveGame.OpenCreatedAsync(game.AsStored(gameId), services), request.CreatorColor, storeHolder, keys.For(request.CreatorColor), holder.Kind);
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

    public Task<SeatOutcome> JoinGameAsync(string key, string? computerSecret, SeatHolder holder, CancellationToken cancellationToken = default) =>
        JoinAsync(key, computerSecret, holder, takeOver: false, cancellationToken);

    public Task<SeatOutcome> TakeOverAsync(string key, SeatHolder holder, CancellationToken cancellationToken = default) =>
        JoinAsync(key, null, holder, takeOver: true, cancellationToken);

    private async Task<SeatOutcome> JoinAsync(string key, string? computerSecret, SeatHolder holder, bool takeOver, CancellationToken cancellationToken)
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
        KeyChange? taken;
        LiveGame? live = null;
        try
        {
            string? secret = null;
            if (computerSecret is not null)
            {
                // A computer player's secret is compared here, in constant time, before anything is taken.
                var found = await services.Store.FindKeyAsync(key, cancellationToken);
                if (found is null)
                {
                    return SeatOutcome.Refused(SeatFailure.NotFound);
                }

                if (found.HeldByInstance is not null)
                {
                    return HeldFailure(found.HeldByInstance == storeHolder.Instance && found.HeldByConnection == storeHolder.ConnectionId);
                }

                if (found.ComputerSecret is null || !PlayerKeys.SecretMatches(found.ComputerSecret, computerSecret))
                {
                    return SeatOutcome.Refused(SeatFailure.WrongSecret);
                }

                secret = found.ComputerSecret;
            }

            // Not cancellable: once the key is taken, the caller must get the seat that releases it. A game held here
            // takes it on its own queue; any other in one round trip of its own, and is opened (read) after.
            cancellationToken.ThrowIfCancellationRequested();
            // A take-over displaces only a connection of the same kind: a tab another tab, never a WebSocket client.
            var take = new KeyTake(key, storeHolder, secret, StoreTime.Now(services.Time)) { TakeOverPrefix = takeOver ? KindPrefix(holder.Kind) : null };
            live = games.TryAcquireByKey(key);
            taken = live is null ? await services.Store.TakeKeyAsync(take, CancellationToken.None) : await live.TakeKeyAsync(take);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStoreFailed(exception, "join a game");
            await LetGoAsync(live);
            return Unavailable();
        }

        if (taken is not { Changed: true })
        {
            await LetGoAsync(live);
            return Refusal(taken, storeHolder);
        }

        var seat = live is not null ? await OpenSeatAsync(live, taken.Key.Color, storeHolder, holder.Kind) : await TryOpenTakenSeatAsync(taken, storeHolder, holder.Kind);
        if (seat is null)
        {
            return Unavailable();
        }

        var computer = seat.Live.KeyOf(seat.Color.Opponent());
        if (computer.ComputerSecret is { } computerKeySecret && !seat.Snapshot.Connected[computer.Color])
        {
            Launch(new ComputerSeatRequest(seat.GameId, computer.Key, computerKeySecret, computer.ComputerLevel));
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

    private KeyHolder StoreHolder(SeatHolder holder) => new(services.Instance.Id, KindPrefix(holder.Kind) + holder.ConnectionId);

    private static string KindPrefix(ConnectionKind kind) => $"{kind}:";

    private static SeatOutcome? InvalidHolder(SeatHolder holder) =>
        holder.ConnectionId is { Length: > 0 and <= MaxConnectionIdLength } ? null : SeatOutcome.InvalidBecause(InvalidRequest.ConnectionId);

    private static SeatOutcome? Invalid(NewGameRequest request)
    {
        if (GameSettings.Check(request.Size, request.Rules) is { } refusal)
        {
            return SeatOutcome.InvalidBecause(InvalidRequest.Settings, refusal);
        }

        if (request.TimeControl?.Validate() is { } timeRefusal)
        {
            return new SeatOutcome(null, SeatFailure.Invalid) { Invalid = InvalidRequest.TimeControl, TimeControl = timeRefusal };
        }

        return request.CreatorColor is Color.Black or Color.White ? null : SeatOutcome.InvalidBecause(InvalidRequest.CreatorColor);
    }

    /// <summary>
    /// Why a key was not taken, from the key as the take found it. The in-use test comes first: while the computer is
    /// connected, a human is told "someone else" (docs/PROTOCOL.md §4).
    /// </summary>
    private static SeatOutcome Refusal(KeyChange? notTaken, KeyHolder holder) => notTaken?.Key switch
    {
        null => SeatOutcome.Refused(SeatFailure.NotFound),
        { HeldByInstance: { } instance } found => HeldFailure(instance == holder.Instance && found.HeldByConnection == holder.ConnectionId),
        _ => SeatOutcome.Refused(SeatFailure.ComputerOnly),
    };

    private static SeatOutcome HeldFailure(bool sameConnection) =>
        SeatOutcome.Refused(sameConnection ? SeatFailure.AlreadyHolding : SeatFailure.InUse);

    private static SeatOutcome Unavailable() => SeatOutcome.Refused(SeatFailure.Unavailable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store failed while trying to {Operation}")]
    private partial void LogStoreFailed(Exception exception, string operation);

    [LoggerMessage(Level = LogLevel.Error, Message = "Starting the computer player of game {GameId} failed")]
    private partial void LogLaunchFailed(Exception exception, long gameId);
}
