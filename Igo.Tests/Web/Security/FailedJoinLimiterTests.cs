using System.Net;
using Igo.Web.Security;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Igo.Tests.Web.Security;

/// <summary>The shared failed-join allowance itself: whole attempts, reserved while a join runs, charged only on failure.</summary>
[Trait("Category", "Compat")]
public sealed class FailedJoinLimiterTests
{
    private static readonly IPAddress Address = IPAddress.Parse("203.0.113.30");

    private readonly FakeTimeProvider clock = new();

    private FailedJoinLimiter Limiter(int burst) =>
        new(Options.Create(new SecurityOptions { FailedJoinBurst = burst, FailedJoinInterval = TimeSpan.FromMinutes(1) }), clock);

    [Fact]
    public void Joins_under_way_at_once_cannot_all_pass_on_the_last_attempt()
    {
        var limiter = Limiter(burst: 1);

        using var first = limiter.Begin(Address);
        using var second = limiter.Begin(Address);

        Assert.Null(first.Refusal);
        Assert.NotNull(second.Refusal);
        Assert.Null(limiter.Begin(IPAddress.Parse("203.0.113.31")).Refusal);
    }

    [Fact]
    public void An_attempt_that_did_not_fail_gives_its_reservation_back_and_costs_nothing()
    {
        var limiter = Limiter(burst: 1);
        for (var i = 0; i < 5; i++)
        {
            using var joined = limiter.Begin(Address);
            Assert.Null(joined.Refusal);
        }

        using var failed = limiter.Begin(Address);
        Assert.True(failed.Failed());
        Assert.False(failed.Failed());

        using var refused = limiter.Begin(Address);
        Assert.StartsWith("Too many failed attempts to join from your address; try again in ", refused.Refusal, StringComparison.Ordinal);
        Assert.NotNull(limiter.Wait(Address));
    }

    [Fact]
    public void A_throttled_address_is_told_how_long_to_wait_and_earns_one_attempt_per_interval()
    {
        var limiter = Limiter(burst: 2);
        FailTwice(limiter);

        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.FromSeconds(40), limiter.Wait(Address));

        clock.Advance(TimeSpan.FromSeconds(40));
        using (var again = limiter.Begin(Address))
        {
            Assert.Null(again.Refusal);
            Assert.True(again.Failed());
        }

        Assert.Equal(TimeSpan.FromMinutes(1), limiter.Wait(Address));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(limiter.Wait(Address));
    }

    [Fact]
    public void An_address_that_went_quiet_has_its_whole_burst_again()
    {
        var limiter = Limiter(burst: 2);
        FailTwice(limiter);

        clock.Advance(TimeSpan.FromHours(1));

        for (var i = 0; i < 2; i++)
        {
            using var attempt = limiter.Begin(Address);
            Assert.Null(attempt.Refusal);
            attempt.Failed();
        }

        Assert.NotNull(limiter.Wait(Address));
    }

    [Fact]
    public void Only_failures_a_guesser_sees_count()
    {
        Assert.True(JoinAttempt.IsGuess(Igo.Web.Games.SeatFailure.NotFound));
        Assert.True(JoinAttempt.IsGuess(Igo.Web.Games.SeatFailure.WrongSecret));
        Assert.True(JoinAttempt.IsGuess(Igo.Web.Games.SeatFailure.Invalid));
        Assert.False(JoinAttempt.IsGuess(Igo.Web.Games.SeatFailure.InUse));
        Assert.False(JoinAttempt.IsGuess(Igo.Web.Games.SeatFailure.Unavailable));
        Assert.False(JoinAttempt.IsGuess(null));
    }

    private static void FailTwice(FailedJoinLimiter limiter)
    {
        for (var i = 0; i < 2; i++)
        {
            using var failed = limiter.Begin(Address);
            failed.Failed();
        }
    }
}
