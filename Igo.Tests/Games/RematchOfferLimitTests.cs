using Igo.Web.Games;

namespace Igo.Tests.Games;

[Trait("Category", "Components")]
public sealed class RematchOfferLimitTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Two_offers_a_minute_are_free_and_the_third_waits_until_the_first_is_a_minute_old()
    {
        var limit = new RematchOfferLimit();

        Assert.Null(limit.LimitedUntil("blackkey01", T0));
        limit.Offered("blackkey01", T0);
        Assert.Null(limit.LimitedUntil("blackkey01", T0.AddSeconds(10)));
        limit.Offered("blackkey01", T0.AddSeconds(10));

        Assert.Equal(T0.AddMinutes(1), limit.LimitedUntil("blackkey01", T0.AddSeconds(20)));
        Assert.Null(limit.LimitedUntil("whitekey01", T0.AddSeconds(20)));
        Assert.Null(limit.LimitedUntil("blackkey01", T0.AddMinutes(1)));

        limit.Offered("blackkey01", T0.AddMinutes(1));
        Assert.Equal(T0.AddSeconds(70), limit.LimitedUntil("blackkey01", T0.AddMinutes(1)));
    }

    [Fact]
    public void Offerers_whose_offers_have_aged_out_are_forgotten()
    {
        var limit = new RematchOfferLimit();
        for (var player = 0; player < 100; player++)
        {
            limit.Offered($"key{player:D7}", T0);
        }

        limit.Offered("latecomer1", T0.AddMinutes(2));

        Assert.Equal(1, limit.Offerers);
    }
}
