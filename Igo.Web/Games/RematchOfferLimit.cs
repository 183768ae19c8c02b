namespace Igo.Web.Games;

/// <summary>
/// At most <see cref="OffersPerWindow"/> rematch offers per <see cref="Window"/> from one player key (one player of one
/// game), as lichess limits them, so withdrawing and offering again cannot flood the opponent's page. The count is this
/// instance's: a player's presses come from their page's circuit, which lives on one instance, so only a player who
/// opens the finished game on several instances at once gets more; that is not worth a column per player on the game
/// row. Accepting the opponent's offer and finding the rematch are never limited (the store only asks when it would
/// record an offer).
/// </summary>
public sealed class RematchOfferLimit
{
    public const int OffersPerWindow = 2;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, List<DateTimeOffset>> offers = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>How many keys the table holds.</summary>
    public int Offerers
    {
        get
        {
            lock (gate)
            {
                return offers.Count;
            }
        }
    }

    /// <summary>When the holder of <paramref name="key"/> may offer again; null when they may now.</summary>
    public DateTimeOffset? LimitedUntil(string key, DateTimeOffset now)
    {
        lock (gate)
        {
            var recent = Recent(key, now);
            return recent is { Count: >= OffersPerWindow } ? recent[^OffersPerWindow] + Window : null;
        }
    }

    /// <summary>Counts an offer the store recorded.</summary>
    public void Offered(string key, DateTimeOffset now)
    {
        lock (gate)
        {
            var recent = Recent(key, now) ?? [];
            recent.Add(now);
            offers[key] = recent;
            ForgetIdle(now);
        }
    }

    private List<DateTimeOffset>? Recent(string key, DateTimeOffset now)
    {
        if (!offers.TryGetValue(key, out var times))
        {
            return null;
        }

        times.RemoveAll(at => at + Window <= now);
        return times;
    }

    // Keys whose offers have all aged out are dropped, so the table holds only the last minute's offerers.
    private void ForgetIdle(DateTimeOffset now)
    {
        if (offers.Count < 64)
        {
            return;
        }

        foreach (var key in offers.Keys.ToList())
        {
            if (Recent(key, now) is { Count: 0 })
            {
                offers.Remove(key);
            }
        }
    }
}
