using Igo.Data.Stores;

namespace Igo.Web.Lobby;

/// <summary>The lobby's lists as one read left them, shared by every page on this instance.</summary>
public sealed record LobbySnapshot(IReadOnlyList<OpenChallenge> Challenges, IReadOnlyList<LiveGameListing> Games)
{
    public static LobbySnapshot Empty { get; } = new([], []);

    /// <summary>Whether <paramref name="other"/> lists the same things (records compare by value; lists do not).</summary>
    public bool SameAs(LobbySnapshot other) =>
        other is not null && Challenges.SequenceEqual(other.Challenges) && Games.SequenceEqual(other.Games);
}

/// <summary>
/// A challenge this page posted: its id and the creator's key in the game to come, which only this page knows and
/// which exists as a key once someone takes the challenge.
/// </summary>
public sealed record PostedChallenge(long Id, string CreatorKey);
