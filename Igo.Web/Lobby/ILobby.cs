using Igo.Web.Games;

namespace Igo.Web.Lobby;

/// <summary>
/// The lobby for the Blazor pages (docs/decisions/0012-lobby.md): the open challenges and live public games, shared
/// by every page on this instance and kept current from the bus, and what a page does with challenges.
/// </summary>
public interface ILobby
{
    /// <summary>The lists as this instance last read them.</summary>
    LobbySnapshot Current { get; }

    /// <summary>Calls <paramref name="changed"/> (on a background thread) whenever the lists change, until disposed.</summary>
    IDisposable Watch(Action<LobbySnapshot> changed);

    /// <summary>Posts a challenge between people with these settings; the refusal says what is wrong with them.</summary>
    Task<PostReply> PostAsync(NewGameRequest request, SeatHolder creator, CancellationToken cancellationToken = default);

    /// <summary>The creator's page is still there; false when the challenge is gone (taken, withdrawn or swept).</summary>
    Task<bool> KeepAsync(PostedChallenge challenge, SeatHolder creator, CancellationToken cancellationToken = default);

    /// <summary>Withdraws the challenge; false when it was already gone (taken, or swept).</summary>
    Task<bool> WithdrawAsync(PostedChallenge challenge, SeatHolder creator, CancellationToken cancellationToken = default);

    /// <summary>Whether someone took the challenge: its game exists, with the creator's key.</summary>
    Task<bool> HasStartedAsync(PostedChallenge challenge, CancellationToken cancellationToken = default);

    /// <summary>Takes a challenge: exactly one of racing takers, on any instances, gets the seat.</summary>
    Task<ChallengeReply> TakeAsync(long challengeId, SeatHolder taker, CancellationToken cancellationToken = default);
}

/// <summary>A posted challenge, or why it was refused (the settings, as a new game's are judged).</summary>
public sealed record PostReply(PostedChallenge? Posted, SeatOutcome? Refusal);
