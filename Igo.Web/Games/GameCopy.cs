using System.Collections.Immutable;
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
    private ImmutableList<Move> moves = [];
    private int movesVersion = -1;

    public Game Game { get; private set; } = null!;

    public PerColor<PlayerKeyRecord> Keys { get; private set; }

    public PerColor<bool> Connected { get; private set; }

    /// <summary>Since when each colour's key has been free (null while held or never held).</summary>
    public PerColor<DateTimeOffset?> AwaySince { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public double TimePlayed { get; private set; }

    public DateTimeOffset? ClockSince { get; private set; }

    public string WatchId { get; private set; } = string.Empty;

    /// <summary>Spectators on every instance, as last read from the store; <see cref="SetSpectators"/> also publishes.</summary>
    public int Spectators { get; set; }

    /// <summary>The newest spectators' chat line told to observers (0 for none).</summary>
    public long LastSpectatorMessageId { get; set; }

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
        WatchId = stored.Game.WatchId;
        movesVersion = -1;
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

    public void SetSpectators(int count)
    {
        Spectators = count;
        Publish();
    }

    /// <summary>Makes the current state what readers see.</summary>
    public void Publish() =>
        Volatile.Write(ref snapshot, new GameSnapshot(id, Game.View(), TimePlayed, ClockSince, Connected) { AwaySince = AwaySince, Spectators = Spectators, Moves = CurrentMoves() });

    /// <summary>
    /// The line of play as an immutable list, kept step by step: one action adds a move or takes one or two back, and
    /// anything else (a reload, a catch-up of several) copies it whole.
    /// </summary>
    private ImmutableList<Move> CurrentMoves()
    {
        var line = Game.Moves;
        if (Game.Version == movesVersion)
        {
            return moves;
        }

        if (Game.Version == movesVersion + 1 && line.Count >= moves.Count - 2 && line.Count <= moves.Count + 1)
        {
            moves = line.Count > moves.Count ? moves.Add(line[^1]) : moves.RemoveRange(line.Count, moves.Count - line.Count);
        }
        else
        {
            moves = [.. line];
        }

        movesVersion = Game.Version;
        return moves;
    }
}
