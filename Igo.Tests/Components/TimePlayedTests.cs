using Bunit;
using Igo.Web.Components.Play;

namespace Igo.Tests.Components;

[Trait("Category", "Components")]
public sealed class TimePlayedTests : ComponentTestBase
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(59.9, "0:59")]
    [InlineData(61, "1:01")]
    [InlineData(3600 + 125, "1:02:05")]
    public void Time_reads_as_minutes_and_seconds_then_hours(double seconds, string expected)
    {
        Assert.Equal(expected, TimePlayed.Format(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void A_running_clock_adds_the_time_since_it_started()
    {
        var clock = Context.Render<TimePlayed>(p => p
            .Add(t => t.Seconds, 100)
            .Add(t => t.RunningSince, Now.AddSeconds(-25))
            .Add(t => t.Running, true));

        Assert.Equal("2:05", clock.Find(".digits").TextContent);
        Assert.Equal("Time played: 2:05", clock.Find("[role=timer]").GetAttribute("aria-label"));
    }

    [Fact]
    public void A_finished_or_unattended_game_shows_the_recorded_time_only()
    {
        var finished = Context.Render<TimePlayed>(p => p
            .Add(t => t.Seconds, 100)
            .Add(t => t.RunningSince, Now.AddSeconds(-25))
            .Add(t => t.Running, false));
        var unattended = Context.Render<TimePlayed>(p => p.Add(t => t.Seconds, 100).Add(t => t.RunningSince, null));

        Assert.Equal("1:40", finished.Find(".digits").TextContent);
        Assert.Equal("1:40", unattended.Find(".digits").TextContent);
    }
}
