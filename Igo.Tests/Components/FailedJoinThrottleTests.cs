using System.Globalization;
using System.Net;
using Bunit;
using Igo.Testing.Games;
using Igo.Web.Browser;
using Igo.Web.Circuits;
using Igo.Web.Components.Lobby;
using Igo.Web.Components.Pages;
using Igo.Web.Games;
using Igo.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Color = Igo.Domain.Color;

namespace Igo.Tests.Components;

/// <summary>
/// The failed-join throttle in the Blazor UI: the same per-address allowance as <c>/websocket</c>, counted against the
/// address the circuit started from. Burst 3, one more attempt a minute, so nothing here depends on timing.
/// </summary>
[Trait("Category", "Components")]
public sealed class FailedJoinThrottleTests : ComponentTestBase
{
    private const string RealKey = "RealKey001";
    private const string OtherRealKey = "RealKey002";
    private const string Throttled = "Too many failed attempts to join from your address; try again in ";
    private static readonly IPAddress Guesser = IPAddress.Parse("203.0.113.9");
    private readonly InMemoryCoordinator coordinator = new();
    private readonly StartingRequest request = new(Guesser);

    public FailedJoinThrottleTests()
    {
        coordinator.AnswerJoin = key => Task.FromResult(key is RealKey or OtherRealKey
                ? SeatOutcome.Held(new FakeGameSeat(key, Color.Black, Snapshots.Of(TestViews.Empty(9))))
                : SeatOutcome.Refused(SeatFailure.NotFound));
        Context.Services.AddSingleton<IGameCoordinator>(coordinator);
        Context.Services.AddSingleton<IHttpContextAccessor>(request);
        Context.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Security:FailedJoinBurst"] = "3",
            ["Security:FailedJoinInterval"] = "00:01:00",
        }).Build());
        Context.Services.AddIgoSecurity();
        Context.Services.AddSingleton(new SeatRetryPolicy([]));
        Context.Services.AddIgoCircuits().AddIgoBrowser();
        Context.Services.AddSingleton<IGameRecords>(new FakeGameRecords());
        Context.Services.AddSingleton<Igo.Computer.IPositionAdvisor>(new FakePositionAdvisor());
        Context.Services.AddSingleton<Igo.Computer.IComputerOpponents>(new FakeComputerOpponents());
    }

    private FailedJoinLimiter Limiter => Context.Services.GetRequiredService<FailedJoinLimiter>();

    [Fact]
    public void After_the_burst_of_failed_joins_the_next_join_is_refused_with_the_wait_and_never_reaches_the_coordinator()
    {
        var page = Open("Guess00001");
        AssertNotFound(page);
        Visit(page, "Guess00002");
        AssertNotFound(page);
        Visit(page, "Guess00003");
        AssertNotFound(page);
        var asked = coordinator.Joins.Count;

        // Throttled means every join from the address, even with a real key: telling a real key from a guess would let
        // the guessing go on.
        Visit(page, RealKey);

        page.WaitForAssertion(() => Assert.Equal("Throttled", page.Find("[data-join-failure]").GetAttribute("data-join-failure")));
        AssertThrottled(page.Find("[data-explanation]").TextContent);
        Assert.Equal(asked, coordinator.Joins.Count);
        Assert.Equal(3, asked);

        // "Try again" while still throttled is refused the same way, and asks nobody either.
        page.Find("[data-action=retry]").Click();
        page.WaitForAssertion(() => AssertThrottled(page.Find("[data-explanation]").TextContent));
        Assert.Equal(asked, coordinator.Joins.Count);
    }

    [Fact]
    public void A_player_who_knows_their_key_is_never_slowed_and_still_joins_before_the_burst_is_spent()
    {
        // Five successful joins, more than the burst: none of them costs anything.
        var page = Open(RealKey);
        AssertJoined(page);
        foreach (var key in new[] { OtherRealKey, RealKey, OtherRealKey, RealKey })
        {
            Visit(page, key);
            AssertJoined(page);
        }

        Visit(page, "Guess00001");
        AssertNotFound(page);
        Visit(page, "Guess00002");
        AssertNotFound(page);

        // One attempt is left: the real key joins.
        Visit(page, OtherRealKey);
        AssertJoined(page);

        // The third failure spends the burst; only now is the address throttled.
        Visit(page, "Guess00003");
        AssertNotFound(page);
        Visit(page, RealKey);
        page.WaitForAssertion(() => AssertThrottled(page.Find("[data-explanation]").TextContent));
        Assert.Equal(6 + 3, coordinator.Joins.Count);
    }

    [Fact]
    public void Failed_joins_from_the_other_ui_or_another_circuit_of_the_address_count_and_a_reconnect_keeps_the_address()
    {
        // What /websocket (or another tab) of the same address spent, through the one shared limiter.
        for (var i = 0; i < 3; i++)
        {
            using var attempt = Limiter.Begin(Guesser);
            attempt.Failed();
        }

        // The circuit's later requests come from elsewhere (a reconnect from another network): the address it started
        // from is the one that counts.
        var page = Open(RealKey, thenFrom: IPAddress.Parse("198.51.100.77"));

        page.WaitForAssertion(() => AssertThrottled(page.Find("[data-explanation]").TextContent));
        Assert.Empty(coordinator.Joins);
        Assert.Null(Limiter.Wait(IPAddress.Parse("198.51.100.77")));
    }

    [Fact]
    public void The_join_form_of_a_throttled_address_says_so_instead_of_opening_the_game()
    {
        for (var i = 0; i < 3; i++)
        {
            using var attempt = Limiter.Begin(Guesser);
            attempt.Failed();
        }

        RenderInteractively();
        var form = Context.Render<JoinGameForm>();
        form.Find("#join-key").Input(RealKey);
        form.Find("[data-action=join]").Click();

        Assert.Contains(Throttled, form.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("/game/", Context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    private IRenderedComponent<GamePage> Open(string key, IPAddress? thenFrom = null)
    {
        RenderInteractively();

        // The circuit starts: its handlers are created inside the starting request.
        _ = Context.Services.GetServices<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>().ToList();
        if (thenFrom is not null)
        {
            request.HttpContext!.Connection.RemoteIpAddress = thenFrom;
        }

        return Context.Render<GamePage>(p => p.Add(g => g.Key, key));
    }

    private static void Visit(IRenderedComponent<GamePage> page, string key) => page.Render(p => p.Add(g => g.Key, key));

    private static void AssertNotFound(IRenderedComponent<GamePage> page) =>
        page.WaitForAssertion(() => Assert.Equal("NotFound", page.Find("[data-join-failure]").GetAttribute("data-join-failure")));

    private static void AssertJoined(IRenderedComponent<GamePage> page) =>
        page.WaitForAssertion(() => Assert.Equal(81, page.FindAll("[role=gridcell]").Count));

    private static void AssertThrottled(string explanation)
    {
        Assert.StartsWith(Throttled, explanation, StringComparison.Ordinal);
        var seconds = int.Parse(explanation[Throttled.Length..].Replace(" s", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
    }

    /// <summary>The request a circuit starts in, after the forwarded-headers middleware named the client.</summary>
    private sealed class StartingRequest(IPAddress client) : IHttpContextAccessor
    {
        public HttpContext? HttpContext { get; set; } = new DefaultHttpContext { Connection = { RemoteIpAddress = client } };
    }
}
