using Igo.Data.Model;
using Igo.Data.Stores;
using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>
/// This instance's copy of one game, changed only on the game's queue: the rules state, the keys, who is connected,
/// the shared clock and the last chat line seen. <see cref="Snapshot"/> is what readers on any thread see of it.
/// </summary>
internal sealed class GameCopy(long id)
{
    private GameSnapshot snapshot = null!;

    public Game Game { get; private set; } = null!;

    public PerColor<PlayerKeyRecord> Keys { get; private set; }

    public PerColor<bool> Connected { get; private set; }

    /// <summary>Since when each colour's key has been free (null while held or never held).</summary>
    public PerColor<DateTimeOffset?> AwaySince { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public double TimePlayed { get; private set; }

    public DateTimeOffset? ClockSince { get; private set; }

    /// <summary>The newest chat line told to observers (0 for none): later ones are read from the store after it.</summary>
    public long LastChatId { get; set; }

    /// <summary>False until the first load: events that arrive before it are already in what it reads.</summary>
    public bool Loaded { get; private set; }

    /// <summary>The copy may be behind the store (a commit or an event failed): it is re-read before the next action.</summary>
    public bool Stale { get; set; }

    public GameSnapshot Snapshot => Volatile.Read(ref snapshot);

    /// <summary>Replaces the copy with the stored game (its chat position is kept).</summary>
    public void Adopt(StoredGame stored)
    {
        Game = Game.Replay(stored.Game.Size, stored.Game.Rules, stored.Game.TimeControl, stored.Actions);
        Keys = new PerColor<PlayerKeyRecord>(stored.Black, stored.White);
        Connected = stored.Connected;
        AwaySince = stored.AwaySince;
        CreatedAt = stored.Game.CreatedAt;
        TimePlayed = stored.Game.TimePlayedSeconds;
        ClockSince = stored.Game.ClockRunningSince;
        Loaded = true;
        Publish();
    }

    /// <summary>The clock as the latest commit (or the store) left it; call <see cref="Publish"/> after.</summary>
    public void SetClock(double timePlayed, DateTimeOffset? clockSince)
    {
        TimePlayed = timePlayed;
        ClockSince = clockSince;
    }

    public void SetConnected(PerColor<bool> connected, PerColor<DateTimeOffset?> awaySince)
    {
        Connected = connected;
        AwaySince = awaySince;
        Publish();
    }

    /// <summary>Makes the current state what readers see.</summary>
    public void Publish() =>
        Volatile.Write(ref snapshot, new GameSnapshot(id, Game.View(), TimePlayed, ClockSince, Connected) { AwaySince = AwaySince });
}
