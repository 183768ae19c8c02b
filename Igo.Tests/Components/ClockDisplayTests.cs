using Bunit;
using Igo.Domain;
using Igo.Web.Components.Play;
using static Igo.Domain.Color;

namespace Igo.Tests.Components;

/// <summary>The game clocks on the player cards: each time system in words nobody misreads, the browser's anchor, the low-time warning.</summary>
[Trait("Category", "Components")]
public sealed class ClockDisplayTests : ComponentTestBase
{
    private static readonly TimeControl ThreeByThirty = TimeControl.ByoYomi(TimeSpan.FromMinutes(5), 3, TimeSpan.FromSeconds(30));

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Byo_yomi_says_what_follows_main_time_then_which_period_runs()
    {
        var clock = GameClock.Start(ThreeByThirty);

        Assert.Equal("4:32 · then 3 × 30 s", Face(ThreeByThirty, clock.Read(Black, S(28))).Spoken);
        Assert.Equal("0:18 · byo-yomi, 2 of 3 periods left", Face(ThreeByThirty, clock.Read(Black, S(300 + 42))).Spoken);
        Assert.Equal("0:30 · byo-yomi, 3 of 3 periods left", Face(ThreeByThirty, clock.Read(Black, S(300))).Spoken);
        Assert.Equal("0:09 · byo-yomi, last period", Face(ThreeByThirty, clock.Read(Black, S(300 + 81))).Spoken);
    }

    [Fact]
    public void Canadian_counts_the_stones_of_the_block_and_fischer_its_increment()
    {
        var canadian = TimeControl.Canadian(TimeSpan.FromMinutes(10), 25, TimeSpan.FromMinutes(5));
        var clock = GameClock.Start(canadian);
        Assert.Equal("9:50 · then 25 stones in 5 min", Face(canadian, clock.Read(Black, S(10))).Spoken);

        // 18 stones of the first block played, 2:31 of it left.
        for (var stone = 0; stone < 18; stone++)
        {
            clock = clock.Charge(Black, stone == 0 ? S(600) : S(0));
        }

        clock = clock.Charge(Black, S(149));
        Assert.Equal("2:31 · 6 stones to play", Face(canadian, clock.Read(Black, TimeSpan.Zero)).Spoken);

        var fischer = TimeControl.Fischer(TimeSpan.FromMinutes(5), S(5));
        Assert.Equal("4:50 · +5 s a move", Face(fischer, GameClock.Start(fischer).Read(White, S(10))).Spoken);
        var capped = TimeControl.Fischer(TimeSpan.FromMinutes(5), S(5), TimeSpan.FromMinutes(10));
        Assert.Equal("5:00 · +5 s a move, at most 10 min", Face(capped, GameClock.Start(capped).Read(White, TimeSpan.Zero)).Spoken);
    }

    [Fact]
    public void The_time_control_is_written_out_for_the_games_information_line()
    {
        Assert.Equal("5 min + 3 × 30 s byo-yomi", ClockText.Control(ThreeByThirty));
        Assert.Equal("10 s sudden death", ClockText.Control(TimeControl.Absolute(S(10))));
        Assert.Equal("10 min + 25 stones in 5 min (Canadian)", ClockText.Control(TimeControl.Canadian(TimeSpan.FromMinutes(10), 25, TimeSpan.FromMinutes(5))));
        Assert.Equal("5 min + 5 s a move (Fischer)", ClockText.Control(TimeControl.Fischer(TimeSpan.FromMinutes(5), S(5))));
        Assert.Equal("1:30", ClockText.Span(S(90)));
    }

    [Theory]
    [InlineData(31, false)]
    [InlineData(30, false)]
    [InlineData(29.5, true)]
    public void Absolute_time_warns_under_thirty_seconds(double left, bool low)
    {
        var control = TimeControl.Absolute(TimeSpan.FromMinutes(1));
        Assert.Equal(low, Face(control, GameClock.Start(control).Read(Black, S(60 - left))).Low);
    }

    [Fact]
    public void Byo_yomi_warns_only_in_its_last_period_under_ten_seconds()
    {
        var clock = GameClock.Start(ThreeByThirty);

        Assert.False(Face(ThreeByThirty, clock.Read(Black, S(300 + 25))).Low); // 5 s left in the first of three periods
        Assert.False(Face(ThreeByThirty, clock.Read(Black, S(300 + 61))).Low); // 29 s left in the last
        Assert.True(Face(ThreeByThirty, clock.Read(Black, S(300 + 81))).Low);
        Assert.True(Face(ThreeByThirty, ClockReadingAfterFlag(ThreeByThirty)).Out);
    }

    [Fact]
    public void The_running_clock_ticks_in_the_browser_from_where_its_turn_began()
    {
        var game = TimedGame(ThreeByThirty, out var turnStarted);
        Clock.Advance(S(28));

        var card = Context.Render<CardClock>(p => p.Add(c => c.Clocks, game.Clock).Add(c => c.Player, Black).Add(c => c.Own, true));

        var digits = card.Find("[data-clock=black] .clock-digits");
        Assert.Equal("4:32", digits.TextContent);
        Assert.Equal("Black's clock: 4:32", digits.GetAttribute("aria-label"));
        Assert.Equal("byoyomi", digits.GetAttribute("data-tick-format"));
        Assert.NotNull(digits.GetAttribute("data-tick-running"));
        Assert.NotNull(digits.GetAttribute("data-clock-own"));
        Assert.Equal(turnStarted.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), digits.GetAttribute("data-tick-at"));
        Assert.Equal("390000", digits.GetAttribute("data-tick-ms")); // 5 min + 3 × 30 s to the flag when the turn began
        Assert.Equal("then 3 × 30 s", card.Find(".clock-detail").TextContent);
        Assert.Equal("false", card.Find(".card-clock").GetAttribute("data-low"));

        // The opponent's clock stands still: no running attribute, and it is not announced.
        var white = Context.Render<CardClock>(p => p.Add(c => c.Clocks, game.Clock).Add(c => c.Player, White));
        Assert.Null(white.Find(".clock-digits").GetAttribute("data-tick-running"));
        Assert.Null(white.Find(".clock-digits").GetAttribute("data-clock-own"));
        Assert.Equal("5:00", white.Find(".clock-digits").TextContent);
    }

    [Fact]
    public void A_low_clock_says_so_in_words_as_well_as_colour()
    {
        var control = TimeControl.Absolute(TimeSpan.FromMinutes(1));
        var game = TimedGame(control, out _);
        Clock.Advance(S(52));

        var card = Context.Render<CardClock>(p => p.Add(c => c.Clocks, game.Clock).Add(c => c.Player, Black));

        Assert.Equal("0:08", card.Find(".clock-digits").TextContent);
        Assert.Equal("true", card.Find(".card-clock").GetAttribute("data-low"));
        Assert.Equal("false", card.Find(".card-clock").GetAttribute("data-out"));
        Assert.Equal("Low time", card.Find(".low-time").TextContent);
        Assert.Equal("30000", card.Find(".clock-digits").GetAttribute("data-tick-low-ms"));
    }

    [Fact]
    public void An_untimed_game_shows_no_clock_on_the_cards()
    {
        var card = Context.Render<PlayerCard>(p => p.Add(c => c.Color, Black).Add(c => c.Clocks, ClockState.Untimed));
        Assert.Empty(card.FindAll(".card-clock"));

        var timed = Context.Render<PlayerCard>(p => p.Add(c => c.Color, Black).Add(c => c.Clocks, TimedGame(ThreeByThirty, out _).Clock));
        Assert.Single(timed.FindAll(".card-clock"));
    }

    [Fact]
    public void An_away_player_shows_since_when_on_their_card()
    {
        var card = Context.Render<PlayerCard>(p => p.Add(c => c.Color, White).Add(c => c.Connected, false).Add(c => c.AwaySince, Clock.GetUtcNow() - S(75)));

        var away = card.Find("[data-away-for]");
        Assert.Equal("1:15", away.TextContent);
        Assert.Equal("up", away.GetAttribute("data-tick"));
        Assert.StartsWith("away", card.Find(".presence").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("for 1:15", card.Find(".away-since").TextContent);
        Assert.Equal("Away for: 1:15", away.GetAttribute("aria-label"));
    }

    private static ClockFace Face(TimeControl control, ClockReading reading) => ClockText.Face(control, reading) ?? throw new InvalidOperationException("untimed");

    private static ClockReading ClockReadingAfterFlag(TimeControl control) => GameClock.Start(control).Read(Black, TimeSpan.FromHours(1));

    /// <summary>A 9×9 game under <paramref name="control"/> after both free first moves: Black's clock runs from now.</summary>
    private Game TimedGame(TimeControl control, out DateTimeOffset turnStarted)
    {
        var game = Game.Create(9, Ruleset.Japanese(), control);
        turnStarted = Clock.GetUtcNow();
        Assert.True(game.Apply(new GameAction(ActionType.PlaceStone, Black, new Point(2, 2), turnStarted)).Accepted);
        Assert.True(game.Apply(new GameAction(ActionType.PlaceStone, White, new Point(6, 6), turnStarted)).Accepted);
        return game;
    }
}
