using Igo.Data;
using Igo.Data.Events;
using Igo.Data.Stores;

namespace Igo.Web.Games;

/// <summary>
/// Taking a lobby challenge (docs/decisions/0012-lobby.md): the store's one conditional write claims it and creates
/// the game, and the taker's seat opens on the game as stored, as a creator's does.
/// </summary>
internal sealed partial class GameCoordinator
{
    /// <summary>The store's name for a connection here: what a challenge records as its creator, and a take as its taker.</summary>
    internal KeyHolder KeyHolderOf(SeatHolder holder) => StoreHolder(holder);

    /// <summary>Why a challenge with these settings, posted by <paramref name="holder"/>, would be refused as a new game would; null when it is fine.</summary>
    internal static SeatOutcome? Refusal(NewGameRequest request, SeatHolder holder) => InvalidHolder(holder) ?? Invalid(request);

    /// <summary>
    /// Takes challenge <paramref name="challengeId"/> for <paramref name="holder"/> if it was seen on or after
    /// <paramref name="seenSince"/>: the seat in its new game, or why not (gone, or the holder's own).
    /// </summary>
    internal async Task<ChallengeReply> TakeChallengeAsync(long challengeId, SeatHolder holder, DateTimeOffset seenSince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holder);
        if (InvalidHolder(holder) is { } invalid)
        {
            return new ChallengeReply(ChallengeTakeOutcome.Gone, invalid);
        }

        var storeHolder = StoreHolder(holder);
        var takerKey = PlayerKeys.New();
        ChallengeTaken taken;
        try
        {
            // Not cancellable once asked: a taker whose game was stored must get its seat.
            cancellationToken.ThrowIfCancellationRequested();
            taken = await services.Store.TakeChallengeAsync(new ChallengeTake(challengeId, takerKey, storeHolder, StoreTime.Now(services.Time), seenSince), CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStoreFailed(exception, "take a challenge");
            return new ChallengeReply(ChallengeTakeOutcome.Gone, Unavailable());
        }

        if (taken is not { Outcome: ChallengeTakeOutcome.Taken, Game: { } game })
        {
            return new ChallengeReply(taken.Outcome, null);
        }

        await services.Bus.PublishAsync([new LobbyChanged(services.Instance.Id)], CancellationToken.None);
        var (seat, _) = await TryOpenSeatAsync(taken.GameId, () => LiveGame.OpenCreatedAsync(game.AsStored(taken.GameId), services), game.CreatorColor, storeHolder, takerKey, holder.Kind);
        return new ChallengeReply(ChallengeTakeOutcome.Taken, seat is null ? Unavailable() : SeatOutcome.Held(seat));
    }
}

/// <summary>What taking a challenge did: with <see cref="ChallengeTakeOutcome.Taken"/>, the taker's seat (or why it could not open).</summary>
public sealed record ChallengeReply(ChallengeTakeOutcome Outcome, SeatOutcome? Seat);
