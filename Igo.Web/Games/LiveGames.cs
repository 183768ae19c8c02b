namespace Igo.Web.Games;

/// <summary>
/// The games this instance holds in memory, counted by the seats here that need them: the first seat of a game opens
/// (loads) it, seats arriving while it opens share that opening, and the last seat to go lets it leave memory.
/// </summary>
internal sealed class LiveGames(GameServices services) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, Entry> games = [];

    /// <summary>Counts one more seat of the game and returns the game, opening it if no seat here holds it yet.</summary>
    /// <remarks>The seat is counted even when opening fails: the caller gives it back with <see cref="LetGoAsync"/>.</remarks>
    public Task<LiveGame> AcquireAsync(long gameId)
    {
        lock (gate)
        {
            if (!games.TryGetValue(gameId, out var entry))
            {
                entry = new Entry(LiveGame.OpenAsync(gameId, services, CancellationToken.None));
                games[gameId] = entry;
            }

            entry.Seats++;
            return entry.Opening;
        }
    }

    /// <summary>One seat of the game fewer; without seats the game leaves memory.</summary>
    public async Task LetGoAsync(long gameId)
    {
        LiveGame? unused = null;
        lock (gate)
        {
            if (games.TryGetValue(gameId, out var entry) && --entry.Seats == 0)
            {
                games.Remove(gameId);
                unused = entry.Opening.IsCompletedSuccessfully ? entry.Opening.Result : null;
            }
        }

        if (unused is not null)
        {
            await unused.DisposeAsync();
        }
    }

    /// <summary>Closes every game still open (the app is stopping: their keys are released by the presence lease service).</summary>
    public async ValueTask DisposeAsync()
    {
        List<Entry> open;
        lock (gate)
        {
            open = [.. games.Values];
            games.Clear();
        }

        foreach (var entry in open.Where(e => e.Opening.IsCompletedSuccessfully))
        {
            await entry.Opening.Result.DisposeAsync();
        }
    }

    private sealed class Entry(Task<LiveGame> opening)
    {
        public Task<LiveGame> Opening { get; } = opening;

        public int Seats { get; set; }
    }
}
