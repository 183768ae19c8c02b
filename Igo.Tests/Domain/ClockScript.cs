using Igo.Domain;

namespace Igo.Tests.Domain;

/// <summary>Short ways to write durations and drive a <see cref="GameClock"/> in tests.</summary>
internal static class ClockScript
{
    public static TimeSpan Ms(long milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    public static TimeSpan S(double seconds) => TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));

    public static TimeSpan Min(double minutes) => S(minutes * 60);

    /// <summary>Charges the moves in turn, black first, each taking the given time; none may flag.</summary>
    public static GameClock Moves(this GameClock clock, params TimeSpan[] thinking)
    {
        var player = Color.Black;
        foreach (var time in thinking)
        {
            clock = clock.Charge(player, time);
            Assert.Null(clock.FlagFell);
            player = player.Opponent();
        }

        return clock;
    }
}
