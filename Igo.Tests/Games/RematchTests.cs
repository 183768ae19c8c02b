using Igo.Data;
using Igo.Data.Stores;
using Igo.Domain;
using Igo.Testing.Waiting;
using Igo.Tests.Data;
using Igo.Web.Games;
using Microsoft.EntityFrameworkCore;

namespace Igo.Tests.Games;

/// <summary>
/// Rematches with the two players on two instances (A holds black, B white) on one store: PostgreSQL with LISTEN/NOTIFY
/// and the SQLite default with the in-process bus.
/// </summary>
public abstract class RematchTests<TStore>(TStore store) : TwoInstances<TStore>(store)
    where TStore : IStoreFixture
{
    private static readonly Ruleset Rules = new(KoRule.PositionalSuperko, ScoringRule.Area, 7.5, 2);
    private static readonly TimeControl Clock = TimeControl.ByoYomi(TimeSpan.FromMinutes(10), 3, TimeSpan.FromSeconds(30));
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private int connections;

    [Fact]
    public async Task An_offer_on_one_instance_reaches_the_other_and_accepting_it_swaps_the_colours_with_the_same_settings()
    {
        var (black, white) = await FinishedGameAsync();
        var heardOnB = 0;
        using var watch = Rematches(B).Watch(white.GameId, () => Interlocked.Increment(ref heardOnB));

        var offered = await Rematches(A).YesAsync(black.Key, Cancel);

        Assert.Equal((RematchOutcome.Offered, (string?)null), (offered.Outcome, offered.NewKey));
        await Eventually.HoldsAsync(() => Volatile.Read(ref heardOnB) > 0, Cancel);
        var seen = await Rematches(B).StatusAsync(white.Key, Cancel);
        Assert.Equal((Color.White, (Color?)Color.Black, false, (string?)null), (seen!.Color, seen.OfferedBy, seen.OpponentIsComputer, seen.NewKey));

        var accepted = await Rematches(B).YesAsync(white.Key, Cancel);

        Assert.Equal(RematchOutcome.Started, accepted.Outcome);
        var blackNewKey = (await Rematches(A).StatusAsync(black.Key, Cancel))!.NewKey;
        var rematch = await A.Get<GameStore>().LoadGameAsync((await A.Get<GameStore>().FindKeyAsync(accepted.NewKey!, Cancel))!.GameId, Cancel);
        Assert.NotNull(rematch);
        Assert.Equal((accepted.NewKey, blackNewKey), (rematch.Black.Key, rematch.White.Key));
        Assert.Equal((9, Rules, Clock, GameStatus.Play, 0), (rematch.Game.Size, rematch.Game.Rules, rematch.Game.TimeControl, rematch.Game.Status, rematch.Game.Version));
        Assert.Equal(((long?)white.GameId, (DateTimeOffset?)null), (await RematchOfAsync(rematch.Game.Id), rematch.Game.ClockRunningSince));
        Assert.Equal(new PerColor<bool>(false, false), rematch.Connected);

        // Its own watch link, listed as the first game was.
        var first = await A.Get<GameStore>().LoadGameAsync(white.GameId, Cancel);
        Assert.True(WatchIds.IsWellFormed(rematch.Game.WatchId));
        Assert.NotEqual(first!.Game.WatchId, rematch.Game.WatchId);
        Assert.Equal(first.Game.Listed, rematch.Game.Listed);

        // Its spectators follow it there, on either instance.
        Assert.Equal(rematch.Game.WatchId, await Rematches(A).RematchWatchIdAsync(white.GameId, Cancel));
        Assert.Null(await Rematches(B).RematchWatchIdAsync(rematch.Game.Id, Cancel));
    }

    [Fact]
    public async Task Both_players_pressing_at_once_make_one_game_and_each_learns_only_their_own_key()
    {
        var (black, white) = await FinishedGameAsync();

        var answers = await Task.WhenAll(Rematches(A).YesAsync(black.Key, Cancel), Rematches(B).YesAsync(white.Key, Cancel));

        // One press is recorded as an offer, the other finds it and accepts: one game, whichever came first.
        Assert.Equal([RematchOutcome.Started, RematchOutcome.Offered], answers.Select(x => x.Outcome).Order());
        var statuses = new[] { await Rematches(A).StatusAsync(black.Key, Cancel), await Rematches(B).StatusAsync(white.Key, Cancel) };
        var (blackNew, whiteNew) = (await KeyAsync(statuses[0]!.NewKey!), await KeyAsync(statuses[1]!.NewKey!));
        Assert.Equal((Color.White, Color.Black), (blackNew.Color, whiteNew.Color));
        Assert.Equal(blackNew.GameId, whiteNew.GameId);
        Assert.Equal(1, await RematchCountAsync(black.GameId));
        var (started, startedStatus) = answers[0].Outcome == RematchOutcome.Started ? (answers[0], statuses[0]) : (answers[1], statuses[1]);
        Assert.Equal(startedStatus!.NewKey, started.NewKey);
    }

    [Fact]
    public async Task Two_acceptances_at_once_find_the_same_game()
    {
        var (black, white) = await FinishedGameAsync();
        await Rematches(A).YesAsync(black.Key, Cancel);

        // The same player accepting from two tabs on two instances; then the offerer presses again.
        var answers = await Task.WhenAll(Rematches(A).YesAsync(white.Key, Cancel), Rematches(B).YesAsync(white.Key, Cancel));
        var offererAgain = await Rematches(B).YesAsync(black.Key, Cancel);

        Assert.All(answers, x => Assert.Equal(RematchOutcome.Started, x.Outcome));
        Assert.Equal(answers[0].NewKey, answers[1].NewKey);
        Assert.Equal(Color.Black, (await KeyAsync(answers[0].NewKey!)).Color);
        Assert.Equal((RematchOutcome.Started, Color.White), (offererAgain.Outcome, (await KeyAsync(offererAgain.NewKey!)).Color));
        Assert.Equal((await KeyAsync(answers[0].NewKey!)).GameId, (await KeyAsync(offererAgain.NewKey!)).GameId);
        Assert.Equal(1, await RematchCountAsync(black.GameId));
    }

    [Fact]
    public async Task An_offer_can_be_withdrawn_and_a_declined_player_waits_a_minute_before_offering_again()
    {
        var (black, white) = await FinishedGameAsync();
        var games = A.Get<GameStore>();
        var yes = new RematchYes(black.Key, "rematchb01", "rematchw01", "rematchs01", T0, TimeSpan.FromMinutes(1));

        Assert.Equal(RematchOutcome.Offered, (await games.OfferRematchAsync(yes, Cancel)).Outcome);
        Assert.Equal(RematchOutcome.Withdrawn, (await games.DeclineRematchAsync(black.Key, T0, Cancel)).Outcome);
        Assert.Null((await games.LoadRematchAsync(white.Key, Cancel))!.OfferedBy);
        Assert.Equal(RematchOutcome.NothingToAnswer, (await games.DeclineRematchAsync(white.Key, T0, Cancel)).Outcome);

        await games.OfferRematchAsync(yes, Cancel);
        Assert.Equal(RematchOutcome.Declined, (await games.DeclineRematchAsync(white.Key, T0.AddSeconds(1), Cancel)).Outcome);
        var told = await games.LoadRematchAsync(black.Key, Cancel);
        Assert.Equal(((Color?)null, (Color?)Color.Black, (DateTimeOffset?)T0.AddSeconds(1)), (told!.OfferedBy, told.Declined, told.DeclinedAt));

        var tooSoon = await games.OfferRematchAsync(yes with { Now = T0.AddSeconds(60) }, Cancel);
        Assert.Equal((RematchOutcome.DeclinedRecently, (DateTimeOffset?)T0.AddSeconds(61)), (tooSoon.Outcome, tooSoon.MayOfferAt));
        Assert.Null((await games.LoadRematchAsync(white.Key, Cancel))!.OfferedBy);
        Assert.Equal(RematchOutcome.Offered, (await games.OfferRematchAsync(yes with { Now = T0.AddSeconds(61) }, Cancel)).Outcome);
        Assert.Equal(0, await RematchCountAsync(black.GameId));
    }

    [Fact]
    public async Task A_player_may_offer_twice_a_minute_and_accepting_the_opponent_s_offer_is_never_limited()
    {
        var (black, white) = await FinishedGameAsync();
        var onA = Rematches(A);

        for (var offer = 0; offer < RematchOfferLimit.OffersPerWindow; offer++)
        {
            Assert.Equal(RematchOutcome.Offered, (await onA.YesAsync(black.Key, Cancel)).Outcome);
            Assert.Equal(RematchOutcome.Withdrawn, (await onA.NoAsync(black.Key, Cancel)).Outcome);
        }

        var third = await onA.YesAsync(black.Key, Cancel);

        Assert.Equal(RematchOutcome.TooManyOffers, third.Outcome);
        Assert.True(third.MayOfferAt > DateTimeOffset.UtcNow.AddSeconds(50));
        Assert.Null((await onA.StatusAsync(black.Key, Cancel))!.OfferedBy);

        Assert.Equal(RematchOutcome.Offered, (await Rematches(B).YesAsync(white.Key, Cancel)).Outcome);
        var accepted = await onA.YesAsync(black.Key, Cancel);
        Assert.Equal(RematchOutcome.Started, accepted.Outcome);
        Assert.NotNull(accepted.NewKey);
    }

    [Fact]
    public async Task The_store_refuses_an_offer_until_the_limit_ends_and_changes_nothing()
    {
        var (black, white) = await FinishedGameAsync();
        var games = A.Get<GameStore>();
        var limited = new RematchYes(black.Key, "rematchb02", "rematchw02", "rematchs02", T0, TimeSpan.FromMinutes(1)) { OffersLimitedUntil = T0.AddSeconds(30) };

        var refused = await games.OfferRematchAsync(limited, Cancel);

        Assert.Equal((RematchOutcome.TooManyOffers, (DateTimeOffset?)T0.AddSeconds(30), false), (refused.Outcome, refused.MayOfferAt, refused.Changed));
        Assert.Null((await games.LoadRematchAsync(white.Key, Cancel))!.OfferedBy);
        Assert.Equal(RematchOutcome.Offered, (await games.OfferRematchAsync(limited with { Now = T0.AddSeconds(30) }, Cancel)).Outcome);
        Assert.Equal((Color?)Color.Black, (await games.LoadRematchAsync(white.Key, Cancel))!.OfferedBy);
    }

    [Fact]
    public async Task Play_again_against_the_computer_starts_at_once_with_colours_swapped_and_the_same_engine()
    {
        var created = await A.Get<IGameCoordinator>().CreateGameAsync(
            new NewGameRequest(9, Rules, Color.Black, OpponentKind.Computer, "builtin-club"), NewConnection(), Cancel);
        await using var human = created.Seat!;
        Assert.True((await human.ActAsync(ActionType.Resign, null, Cancel)).Success);
        var old = await A.Get<GameStore>().LoadGameAsync(human.GameId, Cancel);

        var again = await Rematches(A).YesAsync(human.Key, Cancel);

        Assert.Equal(RematchOutcome.Started, again.Outcome);
        var rematch = await A.Get<GameStore>().LoadGameAsync((await KeyAsync(again.NewKey!)).GameId, Cancel);
        Assert.Equal(again.NewKey, rematch!.White.Key);
        Assert.Null(rematch.White.ComputerSecret);
        Assert.Equal("builtin-club", rematch.Black.ComputerLevel);
        Assert.NotNull(rematch.Black.ComputerSecret);
        Assert.NotEqual(old!.White.ComputerSecret, rematch.Black.ComputerSecret);
        Assert.Equal(again.NewKey, (await Rematches(A).YesAsync(human.Key, Cancel)).NewKey);
    }

    [Fact]
    public async Task No_rematch_before_the_game_ends_nor_for_a_key_that_does_not_exist()
    {
        var created = await A.Get<IGameCoordinator>().CreateGameAsync(new NewGameRequest(9, Rules, Color.Black, OpponentKind.Human), NewConnection(), Cancel);
        await using var black = created.Seat!;

        Assert.Equal(RematchOutcome.NotOver, (await Rematches(A).YesAsync(black.Key, Cancel)).Outcome);
        Assert.Equal(RematchOutcome.NoSuchKey, (await Rematches(A).YesAsync("0000000000", Cancel)).Outcome);
        Assert.Equal(RematchOutcome.NoSuchKey, (await Rematches(A).YesAsync("bad key", Cancel)).Outcome);
        Assert.Null((await Rematches(A).StatusAsync(black.Key, Cancel))!.OfferedBy);
        Assert.Equal(0, await RematchCountAsync(black.GameId));
    }

    private static IRematches Rematches(TestHost host) => host.Get<IRematches>();

    private SeatHolder NewConnection() => new(ConnectionKind.Socket, $"conn-{Interlocked.Increment(ref connections)}");

    /// <summary>A 9x9 game with <see cref="Rules"/> and <see cref="Clock"/>, black on A and white on B, which black resigned.</summary>
    private async Task<(IGameSeat Black, IGameSeat White)> FinishedGameAsync()
    {
        var created = await A.Get<IGameCoordinator>().CreateGameAsync(new NewGameRequest(9, Rules, Color.Black, OpponentKind.Human, TimeControl: Clock), NewConnection(), Cancel);
        var joined = await B.Get<IGameCoordinator>().JoinGameAsync(created.Seat!.Keys.White, null, NewConnection(), Cancel);
        Assert.True((await created.Seat.ActAsync(ActionType.Resign, null, Cancel)).Success);
        return (created.Seat, joined.Seat!);
    }

    private async Task<Igo.Data.Model.PlayerKeyRecord> KeyAsync(string key) =>
        (await A.Get<GameStore>().FindKeyAsync(key, Cancel)) ?? throw new InvalidOperationException($"No key {key}");

    private async Task<long?> RematchOfAsync(long gameId)
    {
        await using var db = await A.Get<IDbContextFactory<IgoDbContext>>().CreateDbContextAsync(Cancel);
        return await db.Games.Where(g => g.Id == gameId).Select(g => g.RematchOf).SingleAsync(Cancel);
    }

    private async Task<int> RematchCountAsync(long gameId)
    {
        await using var db = await A.Get<IDbContextFactory<IgoDbContext>>().CreateDbContextAsync(Cancel);
        return await db.Games.CountAsync(g => g.RematchOf == gameId, Cancel);
    }
}

[Trait("Category", "Data")]
public sealed class PostgresRematchTests(PostgresStore store) : RematchTests<PostgresStore>(store), IClassFixture<PostgresStore>;

[Trait("Category", "Data")]
public sealed class SqliteRematchTests(SqliteStore store) : RematchTests<SqliteStore>(store), IClassFixture<SqliteStore>;
