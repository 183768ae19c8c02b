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
        Assert.Equal(expected, TickReading.Format(TimeSpan.FromSeconds(seconds)));
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

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(0.2, "0:01")]
    [InlineData(59.9, "1:00")]
    [InlineData(3600, "1:00:00")]
    public void A_countdown_shows_zero_only_once_the_time_is_out(double seconds, string expected)
    {
        Assert.Equal(expected, TickReading.Format(TimeSpan.FromSeconds(seconds), countsDown: true));
    }

    [Fact]
    public void The_browser_gets_the_reading_and_the_moment_it_was_true_to_tick_from()
    {
        var since = Now.AddSeconds(-25);
        var clock = Context.Render<TimePlayed>(p => p
            .Add(t => t.Seconds, 100.5)
            .Add(t => t.RunningSince, since)
            .Add(t => t.Running, true));

        var ticking = clock.Find("[data-tick]");
        Assert.Equal("up", ticking.GetAttribute("data-tick"));
        Assert.Equal("100500", ticking.GetAttribute("data-tick-ms"));
        Assert.Equal(since.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ticking.GetAttribute("data-tick-at"));
        Assert.NotNull(ticking.GetAttribute("data-tick-running"));
        Assert.Equal("Time played: {}", ticking.GetAttribute("data-tick-label"));

        // Screen readers are not told each second: a timer is not a live region.
        Assert.Equal("off", ticking.GetAttribute("aria-live"));
        Assert.Empty(clock.FindAll("[aria-live=polite], [aria-live=assertive], [role=status]"));
    }

    [Fact]
    public void A_clock_that_stands_still_is_not_marked_running()
    {
        var finished = Context.Render<TimePlayed>(p => p
            .Add(t => t.Seconds, 100)
            .Add(t => t.RunningSince, Now.AddSeconds(-25))
            .Add(t => t.Running, false));

        Assert.Null(finished.Find("[data-tick]").GetAttribute("data-tick-running"));
        Assert.Equal("100000", finished.Find("[data-tick]").GetAttribute("data-tick-ms"));
    }

    [Fact]
    public void A_running_clock_renders_once_on_the_server_and_not_again_as_time_passes()
    {
        // The page's clock fires its timers when it moves: a server-side ticker would re-render on each Advance.
        var clock = Context.Render<TimePlayed>(p => p
            .Add(t => t.Seconds, 100)
            .Add(t => t.RunningSince, Now.AddSeconds(-25))
            .Add(t => t.Running, true));

        for (var second = 0; second < 90; second++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, clock.RenderCount);
        Assert.Equal(1, clock.FindComponent<TickingText>().RenderCount);
        Assert.Equal("2:05", clock.Find(".digits").TextContent);
    }

    [Fact]
    public void A_countdown_gives_the_browser_its_direction_and_shows_the_time_left_now()
    {
        var reading = new TickReading(TimeSpan.FromSeconds(90), Now.AddSeconds(-30.5), Running: true, CountsDown: true);
        var clock = Context.Render<TickingText>(p => p.Add(t => t.Reading, reading).Add(t => t.Label, "Black's clock"));

        var ticking = clock.Find("[role=timer]");
        Assert.Equal("down", ticking.GetAttribute("data-tick"));
        Assert.Equal("90000", ticking.GetAttribute("data-tick-ms"));
        Assert.Equal("1:00", ticking.TextContent);
        Assert.Equal("Black's clock: 1:00", ticking.GetAttribute("aria-label"));

        // Past its end a countdown stays at zero.
        Clock.Advance(TimeSpan.FromMinutes(5));
        clock.Render(p => p.Add(t => t.Reading, reading));
        Assert.Equal("0:00", clock.Find("[role=timer]").TextContent);
    }
}
