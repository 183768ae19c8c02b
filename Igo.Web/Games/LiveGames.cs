using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>
/// The games this instance holds in memory, counted by the seats here that need them: the first seat of a game opens
/// it, seats arriving while it opens share that opening, and the last seat to go lets it leave memory. Open games are
/// found by either of their keys too, so that joining one needs no look-up in the store.
/// </summary>
internal sealed class LiveGames : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, Entry> games = [];
    private readonly Dictionary<string, long> gamesByKey = new(StringComparer.Ordinal);

    /// <summary>
    /// Counts one more seat of the game and returns it, opening it with <paramref name="open"/> if no seat here holds it
    /// yet. <c>Opened</c> is true when this call opened it (after whatever the caller did in the store before).
    /// </summary>
    /// <remarks>The seat is counted even when opening fails: the caller gives it back with <see cref="LetGoAsync"/>.</remarks>
    public async Task<(LiveGame Game, bool Opened)> AcquireAsync(long gameId, Func<Task<LiveGame>> open)
    {
        Entry entry;
        var opened = false;
        lock (gate)
        {
            if (!games.TryGetValue(gameId, out entry!))
            {
                entry = new Entry(open());
                games[gameId] = entry;
                opened = true;
            }

            entry.Seats++;
        }

        var live = await entry.Opening;
        lock (gate)
        {
            if (games.TryGetValue(gameId, out var current) && current == entry)
            {
                gamesByKey[live.KeyOf(Color.Black).Key] = gameId;
                gamesByKey[live.KeyOf(Color.White).Key] = gameId;
            }
        }

        return (live, opened);
    }

    /// <summary>Counts one more seat of the open game that has this key, if there is one here.</summary>
    public LiveGame? TryAcquireByKey(string key)
    {
        lock (gate)
        {
            if (!gamesByKey.TryGetValue(key, out var gameId) || !games.TryGetValue(gameId, out var entry) || !entry.Opening.IsCompletedSuccessfully)
            {
                return null;
            }

            entry.Seats++;
            return entry.Opening.Result;
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
                if (unused is not null)
                {
                    gamesByKey.Remove(unused.KeyOf(Color.Black).Key);
                    gamesByKey.Remove(unused.KeyOf(Color.White).Key);
                }
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
            gamesByKey.Clear();
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
