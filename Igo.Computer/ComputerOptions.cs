namespace Igo.Computer;

/// <summary>Configuration section "Computer": which engines run here and how hard they think.</summary>
public sealed class ComputerOptions
{
    public const string SectionName = "Computer";

    /// <summary>GNU Go in GTP mode; an empty value leaves it out. When the file is missing, GNU Go is simply not offered.</summary>
    public string GnuGoCommand { get; set; } = "/usr/games/gnugo";

    /// <summary>GNU Go processes run at most at once (they serve every GNU Go level; a game waits for a free one).</summary>
    public int GnuGoMaxProcesses { get; set; } = 2;

    /// <summary>Other GTP engines (KataGo, Pachi...), each offered as one more opponent.</summary>
    public IList<GtpEngineOptions> Engines { get; } = [];

    /// <summary>Threads of the built-in player's search; 0 means one per core.</summary>
    public int Threads { get; set; }

    /// <summary>How long a quick GTP command (play, boardsize) may take.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a GTP engine may think (genmove, final_status_list) before it is restarted.</summary>
    public TimeSpan ThinkTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often every instance looks for computer players of unfinished games that nobody drives, to take them over.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a computer player waits for its opponent to come back before it releases its key.</summary>
    public TimeSpan OpponentAwayGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether the scoring phase starts from the engine's dead-stone suggestion (marked on the shared board for both
    /// players to correct); off, it starts with every stone alive.
    /// </summary>
    public bool SuggestDeadStones { get; set; } = true;

    /// <summary>
    /// Background engine work (the dead-stone suggestion, the engine review of finished games) runs only while normal
    /// work keeps less than this share of all cores busy (0.5: half of them); above it, suggestions are skipped and
    /// reviews wait. 1 turns the check off. From 0.05 to 1.
    /// </summary>
    public double BackgroundBusyLimit { get; set; } = 0.5;

    /// <summary>Whether every duration is positive (a zero sweep interval would spin).</summary>
    public bool HasPositiveDurations() =>
        CommandTimeout > TimeSpan.Zero && ThinkTimeout > TimeSpan.Zero && SweepInterval > TimeSpan.Zero && OpponentAwayGrace >= TimeSpan.Zero;

    /// <summary>Whether <see cref="BackgroundBusyLimit"/> is a share the gate can use.</summary>
    public bool HasValidBusyLimit() => BackgroundBusyLimit is >= 0.05 and <= 1;

    /// <summary>
    /// When set, every built-in level thinks for this many playouts a move instead of its time budget: repeatable play
    /// for tests and measurements, independent of the machine's speed.
    /// </summary>
    public int? BuiltInPlayouts { get; set; }
}

/// <summary>An external GTP engine: how to start it and how the home page presents it.</summary>
public sealed class GtpEngineOptions
{
    /// <summary>Stable id, stored with games that play against it (letters, digits, '-').</summary>
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    /// <summary>The executable, an absolute path or a name on PATH.</summary>
    public string Command { get; set; } = string.Empty;

    /// <summary>Its arguments, e.g. ["gtp", "-model", "/opt/katago/model.bin.gz", "-config", "/opt/katago/gtp.cfg"].</summary>
    public IList<string> Arguments { get; } = [];

    public int MaxProcesses { get; set; } = 1;
}
