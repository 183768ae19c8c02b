namespace Igo.Web.Circuits;

/// <summary>
/// How long the game page waits before asking again for a key that is held elsewhere. A reload can reach the server
/// before the previous page of the same browser has released the key, so a few short retries hide that race.
/// </summary>
public sealed record SeatRetryPolicy(IReadOnlyList<TimeSpan> InUseDelays)
{
    public static SeatRetryPolicy Default { get; } =
        new([TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(1500)]);
}
