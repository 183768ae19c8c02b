using System.Text.Json;
using Igo.Data.Stores;
using Igo.Domain;
using Igo.Testing.Sockets;
using Igo.Testing.Waiting;
using Igo.Tests.Games;
using Igo.Tests.Infrastructure;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Igo.Tests.Compat;

/// <summary>
/// A timed game created in the Blazor UI and joined from the igo-frontend over <c>/websocket</c> (docs/COMPATIBILITY.md,
/// "Timed games"): the game is played under its clock, and a loss on time reaches the frontend as a result it can show,
/// a <c>standard_win</c> for the winner ("White won"), with the reason in the explanation of the late move. The app runs
/// whole on a real port; its coordinator and the sweep run on a fake clock.
/// </summary>
[Trait("Category", "Compat")]
public sealed class TimedGameCompatTests : IAsyncLifetime
{
    private static readonly TimeSpan Allowance = new ClockOptions().LagAllowance;
    private static readonly TimeControl OneMinute = TimeControl.Absolute(TimeSpan.FromMinutes(1));
    private readonly FakeTimeProvider time = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly List<ProtocolClient> clients = [];
    private AppOnRealPort app = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app = AppOnRealPort.Start(SharedAppLimits.With(null), services =>
        {
            services.AddSingleton(provider => ActivatorUtilities.CreateInstance<GameCoordinator>(provider, (TimeProvider)time));
            services.Remove(services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(TimeoutSweeper)));
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_frontend_player_who_stops_moving_loses_on_time_and_both_sides_see_a_win_they_can_show()
    {
        var (blazor, frontend, whiteKey) = await OpeningAsync();
        await MustActAsync(blazor, new Point(4, 4)); // white's clock runs now
        await frontend.WaitForAsync("game_status", status => status.PointAt(4, 4) == """["b",false,false,""]""");

        time.Advance(TimeSpan.FromMinutes(1) + Allowance);
        Assert.Equal(1, await SweepAsync());

        var ended = await frontend.WaitForAsync("game_status", status => status.Text("status") == "complete");
        AssertWonByStandardWin(ended, "black");
        Assert.Equal(new GameResult(ResultType.Time, Color.Black), blazor.Snapshot.View.Result);

        // The frontend keeps working on the ended game: an action is refused with words, not an empty error.
        await frontend.SendAsync(Wire.Place(whiteKey, 5, 5));
        var refused = await frontend.ExpectAsync("game_action_response");
        Assert.False(refused.Flag("success"));
        Assert.Equal("The game is complete: no more actions are possible", refused.Text("explanation"));
        await frontend.ExpectNothingAsync();
    }

    [Fact]
    public async Task A_frontend_move_after_the_flag_loses_on_time_and_its_answer_says_so()
    {
        var (blazor, frontend, whiteKey) = await OpeningAsync();
        await MustActAsync(blazor, new Point(4, 4));
        await frontend.WaitForAsync("game_status", status => status.PointAt(4, 4) == """["b",false,false,""]""");

        // Before the sweep: the move itself finds the flag down.
        time.Advance(TimeSpan.FromMinutes(1) + Allowance);
        await frontend.SendAsync(Wire.Place(whiteKey, 5, 5));

        var answer = await frontend.ExpectAsync("game_action_response");
        Assert.False(answer.Flag("success"));
        Assert.Equal("White's time ran out: black won on time", answer.Text("explanation"));
        var ended = await frontend.ExpectAsync("game_status");
        AssertWonByStandardWin(ended, "black");
        Assert.Equal("""["",false,false,""]""", ended.PointAt(5, 5));
        Assert.Equal(0, await SweepAsync());
    }

    [Fact]
    public async Task A_game_won_by_forfeit_reads_as_a_standard_win_for_the_claimant()
    {
        var (blazor, frontend, _) = await OpeningAsync();
        await frontend.CloseAsync();
        await Eventually.HoldsAsync(() => !blazor.Snapshot.Connected.White, Cancel);
        time.Advance(new ClockOptions().AwayGrace);

        var claim = await blazor.ActAsync(ActionType.ClaimWin, null, Cancel);
        Assert.True(claim.Success, claim.ToString());

        // The frontend coming back to its key is shown the ended game.
        await using var back = await ProtocolClient.ConnectAsync(app.WebSocketUri(), Cancel);
        await back.SendAsync(Wire.Join(blazor.Keys.White));
        Assert.True((await back.ExpectAsync("join_game_response")).Flag("success"));
        AssertWonByStandardWin(await back.ExpectAsync("game_status"), "black");
    }

    [Fact]
    public async Task A_game_created_from_the_frontend_stays_untimed()
    {
        await using var client = await ProtocolClient.ConnectAsync(app.WebSocketUri(), Cancel);
        var created = await ProtocolSuite.CreateAsync(client, "black", 9);
        var key = created.Key("black");
        var record = await app.Services.GetRequiredService<GameStore>().FindKeyAsync(key, Cancel);

        var stored = await app.Services.GetRequiredService<GameStore>().LoadGameAsync(record!.GameId, Cancel);
        Assert.Equal(TimeControl.None, stored!.Game.TimeControl);
        Assert.Null(stored.Game.Deadline);
    }

    private static void AssertWonByStandardWin(JsonElement status, string winner)
    {
        Assert.Equal("complete", status.Text("status"));
        Assert.Equal(JsonValueKind.Null, status.GetProperty("pendingRequest").ValueKind);
        var result = status.GetProperty("result");
        Assert.Equal("standard_win", result.Text("resultType"));
        Assert.Equal(winner, result.Text("winner"));
    }

    /// <summary>
    /// A one-minute game created as the Blazor UI creates it (a circuit holds black), white joined over /websocket, after
    /// both free first moves: black to move, black's clock running.
    /// </summary>
    private async Task<(IGameSeat Blazor, ProtocolClient Frontend, string WhiteKey)> OpeningAsync()
    {
        var coordinator = app.Services.GetRequiredService<IGameCoordinator>();
        var created = await coordinator.CreateGameAsync(
            new NewGameRequest(9, Ruleset.Japanese(), Color.Black, OpponentKind.Human, TimeControl: OneMinute),
            new SeatHolder(ConnectionKind.Circuit, $"circuit-{Guid.NewGuid():N}"),
            Cancel);
        Assert.True(created.Success, created.ToString());
        var blazor = created.Seat!;
        var whiteKey = blazor.Keys.White;

        var frontend = await ProtocolClient.ConnectAsync(app.WebSocketUri(), Cancel);
        clients.Add(frontend);
        await frontend.SendAsync(Wire.Join(whiteKey));
        Assert.True((await frontend.ExpectAsync("join_game_response")).Flag("success"));
        Assert.Equal(JsonValueKind.Null, (await frontend.ExpectAsync("game_status")).GetProperty("result").ValueKind);

        await MustActAsync(blazor, new Point(2, 2));
        await frontend.WaitForAsync("game_status", status => status.PointAt(2, 2) == """["b",false,false,""]""");
        time.Advance(TimeSpan.FromSeconds(10));
        await frontend.SendAsync(Wire.Place(whiteKey, 6, 6));
        Assert.True((await frontend.WaitForAsync("game_action_response")).Flag("success"));
        await frontend.ExpectAsync("game_status");
        await Eventually.HoldsAsync(() => blazor.Snapshot.View.Clock.Running?.Player == Color.Black, Cancel);
        return (blazor, frontend, whiteKey);
    }

    private Task<int> SweepAsync() => Sweeps.RunAsync(app.Services, time, Cancel);

    private static async Task MustActAsync(IGameSeat seat, Point point)
    {
        var reply = await seat.ActAsync(ActionType.PlaceStone, point, Cancel);
        Assert.True(reply.Success, reply.ToString());
    }
}
