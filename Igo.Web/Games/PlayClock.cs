namespace Igo.Web.Games;

/// <summary>
/// The shared "time played" (docs/PROTOCOL.md §6): on every commit it grows by the time since the clock last started or
/// the previous commit, and the clock restarts at the commit. Time after the last commit is lost when everyone leaves.
/// </summary>
internal static class PlayClock
{
    public static double Advance(double played, DateTimeOffset? runningSince, DateTimeOffset now) =>
        runningSince is { } since && now > since ? played + (now - since).TotalSeconds : played;
}
