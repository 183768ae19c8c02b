using Igo.Data.Stores;
using Igo.Domain;

namespace Igo.Tests.Data;

/// <summary>The lobby's challenges in the store, run on both PostgreSQL and the embedded SQLite file.</summary>
public abstract class ChallengeStoreTests<TStore>(TStore store) : IAsyncLifetime
    where TStore : IStoreFixture
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(15);
    private TestHost host = null!;
    private GameStore games = null!;
    private KeyHolder creator = null!;

    public async ValueTask InitializeAsync()
    {
        host = await store.StartInstanceAsync();
        games = host.Get<GameStore>();
        creator = new KeyHolder(host.InstanceId, "creator-" + Guid.NewGuid().ToString("N"));
        await games.SweepChallengesAsync(DateTimeOffset.MaxValue, Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string NewKey() => Guid.NewGuid().ToString("N")[..10];

    private Task<long> PostAsync(Color creatorColor = Color.Black, DateTimeOffset? at = null, TimeControl? time = null) =>
        games.PostChallengeAsync(new NewChallenge(13, new Ruleset(KoRule.PositionalSuperko, ScoringRule.Area, 0.5, 2), creatorColor, time, NewKey(), creator, at ?? T0), Cancel);

    private Task<ChallengeTaken> TakeAsync(long id, string connection, DateTimeOffset? at = null, string? key = null)
    {
        var now = at ?? T0.AddSeconds(1);
        return games.TakeChallengeAsync(new ChallengeTake(id, key ?? NewKey(), new KeyHolder(host.InstanceId, connection), now, now - Grace), Cancel);
    }

    [Fact]
    public async Task A_posted_challenge_is_listed_with_its_settings_and_without_its_key()
    {
        var byoYomi = new TimeControl(TimeSystem.ByoYomi, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30), 5, 0, TimeSpan.Zero, null);
        var id = await PostAsync(Color.White, time: byoYomi);

        var open = Assert.Single(await games.OpenChallengesAsync(T0 - Grace, 50, Cancel));

        Assert.Equal(new OpenChallenge(id, 13, new Ruleset(KoRule.PositionalSuperko, ScoringRule.Area, 0.5, 2), Color.White, byoYomi, T0), open);
    }

    [Fact]
    public async Task A_withdrawn_challenge_is_gone_and_only_its_creator_may_withdraw_it()
    {
        var id = await PostAsync();

        Assert.False(await games.WithdrawChallengeAsync(id, new KeyHolder(host.InstanceId, "someone-else"), Cancel));
        Assert.Single(await games.OpenChallengesAsync(T0 - Grace, 50, Cancel));
        Assert.True(await games.WithdrawChallengeAsync(id, creator, Cancel));

        Assert.Empty(await games.OpenChallengesAsync(T0 - Grace, 50, Cancel));
        Assert.False(await games.WithdrawChallengeAsync(id, creator, Cancel));
        Assert.Equal(ChallengeTakeOutcome.Gone, (await TakeAsync(id, "taker")).Outcome);
    }

    [Fact]
    public async Task A_challenge_whose_creator_stopped_refreshing_it_is_unlisted_untakeable_and_swept_after_the_grace()
    {
        var kept = await PostAsync();
        var left = await PostAsync();
        var later = T0 + Grace + TimeSpan.FromSeconds(5);
        Assert.True(await games.KeepChallengeAsync(kept, creator, later - TimeSpan.FromSeconds(2), Cancel));
        Assert.False(await games.KeepChallengeAsync(kept, new KeyHolder(host.InstanceId, "someone-else"), later, Cancel));

        var open = await games.OpenChallengesAsync(later - Grace, 50, Cancel);
        Assert.Equal([kept], open.Select(c => c.Id));
        Assert.Equal(ChallengeTakeOutcome.Gone, (await TakeAsync(left, "taker", later)).Outcome);

        Assert.Equal(1, await games.SweepChallengesAsync(later - Grace, Cancel));
        Assert.False(await games.KeepChallengeAsync(left, creator, later, Cancel));
        Assert.Equal([kept], (await games.OpenChallengesAsync(T0 - Grace, 50, Cancel)).Select(c => c.Id));
    }

    [Fact]
    public async Task Taking_a_challenge_creates_its_game_with_the_creators_key_free_and_the_takers_held()
    {
        var creatorKey = NewKey();
        var id = await games.PostChallengeAsync(new NewChallenge(9, Ruleset.Chinese(7.5), Color.White, null, creatorKey, creator, T0), Cancel);
        var takerKey = NewKey();

        var taken = await TakeAsync(id, "taker", key: takerKey);

        Assert.Equal(ChallengeTakeOutcome.Taken, taken.Outcome);
        var stored = await games.LoadGameAsync(taken.GameId, Cancel);
        Assert.NotNull(stored);
        Assert.Equal((takerKey, creatorKey), (stored.Black.Key, stored.White.Key));
        Assert.Equal(("taker", (string?)null), (stored.Black.HeldByConnection, stored.White.HeldByConnection));
        Assert.Equal((9, ScoringRule.Area, 7.5, true, TimeSystem.None), (stored.Game.Size, stored.Game.Scoring, stored.Game.Komi, stored.Game.Listed, stored.Game.TimeSystem));
        Assert.Equal(taken.GameId, (await games.FindKeyAsync(creatorKey, Cancel))!.GameId);
        Assert.Empty(await games.OpenChallengesAsync(T0 - Grace, 50, Cancel));
    }

    [Fact]
    public async Task A_page_cannot_take_its_own_challenge()
    {
        var id = await PostAsync();

        var own = await games.TakeChallengeAsync(new ChallengeTake(id, NewKey(), creator, T0, T0 - Grace), Cancel);

        Assert.Equal(ChallengeTakeOutcome.OwnChallenge, own.Outcome);
        Assert.Single(await games.OpenChallengesAsync(T0 - Grace, 50, Cancel));
    }

    [Fact]
    public async Task Of_racing_takers_exactly_one_gets_the_game_and_the_others_find_it_gone()
    {
        for (var round = 0; round < 5; round++)
        {
            var id = await PostAsync();

            var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => TakeAsync(id, $"taker-{round}-{i}"), Cancel)));

            var winner = Assert.Single(results, r => r.Outcome == ChallengeTakeOutcome.Taken);
            Assert.All(results.Where(r => r != winner), r => Assert.Equal(ChallengeTakeOutcome.Gone, r.Outcome));
            Assert.NotNull(await games.LoadGameAsync(winner.GameId, Cancel));
        }
    }

    [Fact]
    public async Task Live_listed_games_are_those_both_players_joined_not_over_and_public_most_recent_first()
    {
        var older = await GameAsync(listed: true, joined: true, at: T0);
        var newer = await GameAsync(listed: true, joined: true, at: T0.AddSeconds(5));
        await GameAsync(listed: false, joined: true, at: T0.AddSeconds(6));
        await GameAsync(listed: true, joined: false, at: T0.AddSeconds(7));
        var computer = await GameAsync(listed: true, joined: true, at: T0.AddSeconds(1), computerLevel: "gnugo");

        var live = await games.LiveListedGamesAsync(20, Cancel);

        Assert.Equal([newer, computer, older], live.Select(g => g.GameId).Take(3));
        Assert.Equal(new PerColor<string?>(null, "gnugo"), live.Single(g => g.GameId == computer).Computers);
        Assert.Equal(1, live.Single(g => g.GameId == newer).Moves);
        Assert.Single(await games.LiveListedGamesAsync(1, Cancel));
    }

    /// <summary>A game created by Black at <paramref name="at"/>; White joins when <paramref name="joined"/> and Black plays one stone.</summary>
    private async Task<long> GameAsync(bool listed, bool joined, DateTimeOffset at, string? computerLevel = null)
    {
        var (black, white) = (NewKey(), NewKey());
        var secret = computerLevel is null ? null : NewKey();
        var gameId = await games.CreateGameAsync(new NewGame(9, Ruleset.Japanese(), black, white, Color.Black, creator, secret, computerLevel, at) { Listed = listed }, Cancel);
        if (joined)
        {
            await games.TakeKeyAsync(new KeyTake(white, new KeyHolder(host.InstanceId, "white-" + white), secret, at), Cancel);
            var stone = new ActionCommit(gameId, 0, black, creator, new GameAction(ActionType.PlaceStone, Color.Black, new Point(2, 2), at), GameStatus.Play, null, 1, at, null);
            await games.CommitAsync([stone], Cancel);
        }

        return gameId;
    }
}

[Trait("Category", "Data")]
public sealed class PostgresChallengeStoreTests(PostgresStore store) : ChallengeStoreTests<PostgresStore>(store), IClassFixture<PostgresStore>;

[Trait("Category", "Data")]
public sealed class SqliteChallengeStoreTests(SqliteStore store) : ChallengeStoreTests<SqliteStore>(store), IClassFixture<SqliteStore>;
