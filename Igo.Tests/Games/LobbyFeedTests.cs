using Igo.Data.Stores;
using Igo.Domain;
using Igo.Testing.Waiting;
using Igo.Tests.Data;
using Igo.Web.Games;
using Igo.Web.Lobby;

namespace Igo.Tests.Games;

/// <summary>
/// The lobby across two instances, A and B, on one store (PostgreSQL's LISTEN/NOTIFY, or SQLite's in-process bus):
/// what A does reaches the pages watching on B, which share one read of the lists per burst of changes.
/// </summary>
public abstract class LobbyFeedTests<TStore>(TStore store) : IAsyncLifetime
    where TStore : IStoreFixture
{
    private static readonly Dictionary<string, string?> Settings = new(TestHost.LongLease)
    {
        ["Igo:Lobby:ChallengeGrace"] = "00:00:03",
        ["Igo:Lobby:KeepAliveInterval"] = "00:00:01",
        ["Igo:Lobby:SweepInterval"] = "00:00:01",
    };

    private TestHost a = null!;
    private TestHost b = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        a = await store.StartInstanceAsync(services => services.AddIgoLobby(), Settings);
        b = await store.StartInstanceAsync(services => services.AddIgoLobby(), Settings);
        await a.Get<GameStore>().SweepChallengesAsync(DateTimeOffset.MaxValue, Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static NewGameRequest Request(int size) => new(size, Ruleset.Japanese(), Color.Black, OpponentKind.Human);

    private static SeatHolder Page() => new(ConnectionKind.Circuit, Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Challenges_posted_on_one_instance_reach_every_page_on_the_other_through_shared_reads()
    {
        var feed = b.Get<LobbyFeed>();
        var seen = new LobbySnapshot[50];
        var watches = Enumerable.Range(0, seen.Length).Select(i => b.Get<ILobby>().Watch(snapshot => seen[i] = snapshot)).ToList();
        await Eventually.HoldsAsync(() => feed.Reads >= 1, Cancel);
        var readsBefore = feed.Reads;

        var posted = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => a.Get<ILobby>().PostAsync(Request(19), Page(), Cancel)));

        var ids = posted.Select(p => p.Posted!.Id).Order().ToList();
        await Eventually.HoldsAsync(() => seen.All(s => s is not null && s.Challenges.Select(c => c.Id).Order().SequenceEqual(ids)), Cancel);
        var reads = feed.Reads - readsBefore;
        Assert.InRange(reads, 1, 10);
        foreach (var watch in watches)
        {
            watch.Dispose();
        }
    }

    [Fact]
    public async Task A_challenge_taken_on_one_instance_leaves_the_other_and_its_game_is_listed_there_once_both_play()
    {
        var lobbyB = b.Get<ILobby>();
        var latest = LobbySnapshot.Empty;
        using var watch = lobbyB.Watch(snapshot => latest = snapshot);
        var creator = Page();
        var posted = (await a.Get<ILobby>().PostAsync(Request(13), creator, Cancel)).Posted!;
        await Eventually.HoldsAsync(() => latest.Challenges.Any(c => c.Id == posted.Id), Cancel);

        var own = await a.Get<ILobby>().TakeAsync(posted.Id, creator, Cancel);
        var taken = await lobbyB.TakeAsync(posted.Id, Page(), Cancel);
        var late = await a.Get<ILobby>().TakeAsync(posted.Id, Page(), Cancel);

        Assert.Equal(ChallengeTakeOutcome.OwnChallenge, own.Outcome);
        Assert.Equal(ChallengeTakeOutcome.Taken, taken.Outcome);
        Assert.Equal(ChallengeTakeOutcome.Gone, late.Outcome);
        await using var takerSeat = taken.Seat!.Seat!;
        Assert.Equal((Color.White, 13), (takerSeat.Color, takerSeat.Snapshot.View.Size));
        Assert.True(await a.Get<ILobby>().HasStartedAsync(posted, Cancel));
        await Eventually.HoldsAsync(() => !latest.Challenges.Any(c => c.Id == posted.Id), Cancel);

        // The creator's page goes to its key on A: the game then has both players and shows among the live games.
        var creatorSeat = (await a.Get<IGameCoordinator>().JoinGameAsync(posted.CreatorKey, null, creator, Cancel)).Seat!;
        await using (creatorSeat)
        {
            Assert.Equal(Color.Black, creatorSeat.Color);
            await Eventually.HoldsAsync(() => latest.Games.Any(g => g.GameId == takerSeat.GameId && g.WatchId == takerSeat.WatchId), Cancel);
        }
    }

    [Fact]
    public async Task A_challenge_nobody_keeps_alive_is_swept_and_leaves_the_pages_of_the_other_instance()
    {
        var latest = LobbySnapshot.Empty;
        using var watch = b.Get<ILobby>().Watch(snapshot => latest = snapshot);
        var posted = (await a.Get<ILobby>().PostAsync(Request(9), Page(), Cancel)).Posted!;
        await Eventually.HoldsAsync(() => latest.Challenges.Any(c => c.Id == posted.Id), Cancel);

        await Eventually.HoldsAsync(() => latest.Challenges.Count == 0, Cancel, TimeSpan.FromSeconds(15));

        Assert.False(await a.Get<ILobby>().KeepAsync(posted, Page(), Cancel));
        Assert.False(await a.Get<ILobby>().HasStartedAsync(posted, Cancel));
    }
}

[Trait("Category", "Data")]
public sealed class PostgresLobbyFeedTests(PostgresStore store) : LobbyFeedTests<PostgresStore>(store), IClassFixture<PostgresStore>;

[Trait("Category", "Data")]
public sealed class SqliteLobbyFeedTests(SqliteStore store) : LobbyFeedTests<SqliteStore>(store), IClassFixture<SqliteStore>;
