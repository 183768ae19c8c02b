using Igo.Data;
using Igo.Data.Events;
using Igo.Data.Stores;

namespace Igo.Web.Games;

/// <summary>
/// Rematches for the Blazor pages (the igo-frontend has none): a player's "yes" and "no" by the key their page holds,
/// where the rematch stands for that key, and a signal when it changes on any instance. A page learns only its own
/// key in the new game, asked for by its own key in the old one.
/// </summary>
public interface IRematches
{
    /// <summary>Offers a rematch, accepts the opponent's, or (against the computer) starts one at once.</summary>
    Task<RematchAnswer> YesAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Withdraws the player's own offer or declines the opponent's.</summary>
    Task<RematchAnswer> NoAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Where the rematch of the key's game stands for its holder; null when there is no such key.</summary>
    Task<RematchStatus?> StatusAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The watch id of the game's rematch, for its spectators to follow; null while there is none.</summary>
    Task<string?> RematchWatchIdAsync(long gameId, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="changed"/> (on the bus's thread) whenever the game's rematch may have changed, until disposed.</summary>
    IDisposable Watch(long gameId, Action changed);
}

internal sealed class Rematches(GameStore store, IGameEventBus bus, IgoInstance instance, TimeProvider time, RematchOfferLimit offerLimit) : IRematches
{
    /// <summary>How long a player whose offer was declined waits before offering again (lichess waits a minute too).</summary>
    public static readonly TimeSpan DeclineCooldown = TimeSpan.FromMinutes(1);

    public async Task<RematchAnswer> YesAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!PlayerKeys.IsWellFormed(key))
        {
            return new RematchAnswer(RematchOutcome.NoSuchKey, 0, 0);
        }

        var now = StoreTime.Now(time);
        var yes = new RematchYes(key, PlayerKeys.New(), PlayerKeys.New(), PlayerKeys.New(), now, DeclineCooldown)
        {
            OffersLimitedUntil = offerLimit.LimitedUntil(key, now),
        };
        var answer = await store.OfferRematchAsync(yes, cancellationToken);
        if (answer.Outcome == RematchOutcome.Offered)
        {
            offerLimit.Offered(key, now);
        }

        return await PublishedAsync(answer);
    }

    public async Task<RematchAnswer> NoAsync(string key, CancellationToken cancellationToken = default) =>
        PlayerKeys.IsWellFormed(key)
            ? await PublishedAsync(await store.DeclineRematchAsync(key, StoreTime.Now(time), cancellationToken))
            : new RematchAnswer(RematchOutcome.NoSuchKey, 0, 0);

    public async Task<RematchStatus?> StatusAsync(string key, CancellationToken cancellationToken = default) =>
        PlayerKeys.IsWellFormed(key) ? await store.LoadRematchAsync(key, cancellationToken) : null;

    public Task<string?> RematchWatchIdAsync(long gameId, CancellationToken cancellationToken = default) =>
        store.LoadRematchWatchIdAsync(gameId, cancellationToken);

    public IDisposable Watch(long gameId, Action changed)
    {
        ArgumentNullException.ThrowIfNull(changed);

        // A resync: the listener was away and may have missed a change.
        return bus.Subscribe(gameId, gameEvent =>
        {
            if (gameEvent is RematchChanged or ResyncNeeded)
            {
                changed();
            }
        });
    }

    private async Task<RematchAnswer> PublishedAsync(RematchAnswer answer)
    {
        if (answer.Changed)
        {
            await bus.PublishAsync([new RematchChanged(answer.GameId, answer.Version, instance.Id)]);
        }

        return answer;
    }
}
