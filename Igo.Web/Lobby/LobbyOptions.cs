namespace Igo.Web.Lobby;

/// <summary>The lobby under <c>Igo:Lobby</c>: how challenges are kept alive and swept, and how the lists are read.</summary>
public sealed class LobbyOptions
{
    public const string Section = "Igo:Lobby";

    /// <summary>How often the creator's page says it is still there. 1 to 60 s, and under a third of the grace.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// How long a challenge outlives its creator's last sign of life: then it is no longer listed nor takeable, and
    /// the next sweep (on any instance) deletes it. 3 s to 10 min.
    /// </summary>
    public TimeSpan ChallengeGrace { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often every instance deletes challenges past the grace. 1 s to 1 min.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a lobby change waits before this instance re-reads the lists, so that a burst of changes costs one
    /// read, shared by every page here. 0 to 5 s.
    /// </summary>
    public TimeSpan RefreshDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How often the lists are re-read while some page shows them, for what no lobby change announces (a move count, a
    /// friend joining by link); pages re-render only when the lists differ. 5 s to 10 min.
    /// </summary>
    public TimeSpan IdleRefresh { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most challenges listed. 1 to 500.</summary>
    public int MaxChallenges { get; set; } = 50;

    /// <summary>The most live games listed. 1 to 100.</summary>
    public int MaxLiveGames { get; set; } = 20;
}
