using Igo.Data;
using Igo.Data.Events;
using Igo.Data.Stores;
using Igo.Web.Games;
using Microsoft.Extensions.Options;

namespace Igo.Web.Lobby;

/// <summary>
/// The lobby on the store and the bus: every change of a challenge is announced with one <see cref="LobbyChanged"/>
/// (the bus sends one per batch), and takes go through the coordinator, which opens the taker's seat.
/// </summary>
internal sealed partial class StoreLobby(
    GameStore store,
    GameCoordinator coordinator,
    LobbyFeed feed,
    IGameEventBus bus,
    IgoInstance instance,
    IOptions<LobbyOptions> options,
    TimeProvider time,
    ILogger<StoreLobby> logger) : ILobby
{
    public LobbySnapshot Current => feed.Current;

    public IDisposable Watch(Action<LobbySnapshot> changed) => feed.Watch(changed);

    public async Task<PostReply> PostAsync(NewGameRequest request, SeatHolder creator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(creator);
        if (GameCoordinator.Refusal(request, creator) is { } refusal)
        {
            return new PostReply(null, refusal);
        }

        var key = PlayerKeys.New();
        var challenge = new NewChallenge(request.Size, request.Rules, request.CreatorColor, request.TimeControl, key, coordinator.KeyHolderOf(creator), StoreTime.Now(time));
        long id;
        try
        {
            id = await store.PostChallengeAsync(challenge, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStoreFailed(exception, "post a challenge");
            return new PostReply(null, SeatOutcome.Refused(SeatFailure.Unavailable));
        }

        await AnnounceAsync();
        return new PostReply(new PostedChallenge(id, key), null);
    }

    public Task<bool> KeepAsync(PostedChallenge challenge, SeatHolder creator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return store.KeepChallengeAsync(challenge.Id, coordinator.KeyHolderOf(creator), StoreTime.Now(time), cancellationToken);
    }

    public async Task<bool> WithdrawAsync(PostedChallenge challenge, SeatHolder creator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (!await store.WithdrawChallengeAsync(challenge.Id, coordinator.KeyHolderOf(creator), cancellationToken))
        {
            return false;
        }

        await AnnounceAsync();
        return true;
    }

    public async Task<bool> HasStartedAsync(PostedChallenge challenge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return await store.FindKeyAsync(challenge.CreatorKey, cancellationToken) is not null;
    }

    public Task<ChallengeReply> TakeAsync(long challengeId, SeatHolder taker, CancellationToken cancellationToken = default) =>
        coordinator.TakeChallengeAsync(challengeId, taker, StoreTime.Now(time) - options.Value.ChallengeGrace, cancellationToken);

    private ValueTask AnnounceAsync() => bus.PublishAsync([new LobbyChanged(instance.Id)], CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store failed while trying to {Operation}")]
    private partial void LogStoreFailed(Exception exception, string operation);
}
