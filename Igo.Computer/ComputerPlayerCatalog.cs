using Igo.Computer.Gtp;
using Igo.Computer.MonteCarlo;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Igo.Computer;

/// <summary>
/// The computer opponents this instance offers, and the brain that plays each. GNU Go comes first when it is installed
/// (its level 10 is the default, used for the compatibility endpoint's <c>vs: "computer"</c>), then other configured GTP
/// engines, then the built-in Monte-Carlo levels. An engine that is not installed, or that keeps failing to start, is
/// left out; when GNU Go is missing the built-in "Club" level leads the built-in ones (and is the default unless another
/// engine is configured) and its description says why.
/// A game stored with an opponent this instance cannot run (say, GNU Go on another instance) is played by the built-in
/// "Club" level instead of stalling.
/// </summary>
public sealed partial class ComputerPlayerCatalog : IComputerOpponents
{
    public const string BeginnerId = "builtin-beginner";
    public const string ClubId = "builtin-club";
    public const string StrongId = "builtin-strong";

    private const string GnuGoMissing = " GNU Go is not available on this server, so the built-in player stands in for it.";

    private readonly GtpEngines engines;
    private readonly ILoggerFactory loggers;
    private readonly ILogger<ComputerPlayerCatalog> logger;
    private readonly List<GtpProfile> gtpProfiles = [];
    private readonly List<MonteCarloProfile> builtIn;
    private readonly Dictionary<string, IComputerBrain> brains = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public ComputerPlayerCatalog(GtpEngines engines, IOptions<ComputerOptions> options, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        this.engines = engines;
        this.loggers = loggers;
        logger = loggers.CreateLogger<ComputerPlayerCatalog>();
        var threads = options.Value.Threads > 0 ? options.Value.Threads : MonteCarloSettings.AllCores;
        builtIn = BuiltInLevels(threads, options.Value.BuiltInPlayouts);
        foreach (var level in builtIn)
        {
            brains[level.Id] = new MonteCarloBrain(level.Settings, level.Opponent.Name);
        }

        if (engines.Find(GtpEngines.GnuGoId) is not null)
        {
            gtpProfiles.Add(new GtpProfile(new ComputerOpponent("gnugo", "GNU Go", "GNU Go 3.8 at its full strength (level 10): a solid amateur kyu player."), GtpEngines.GnuGoId, 10));
            gtpProfiles.Add(new GtpProfile(new ComputerOpponent("gnugo-5", "GNU Go, level 5", "GNU Go reading less deeply: quicker and a few stones weaker."), GtpEngines.GnuGoId, 5));
            gtpProfiles.Add(new GtpProfile(new ComputerOpponent("gnugo-1", "GNU Go, level 1", "GNU Go at its lowest level: for beginners who know the rules."), GtpEngines.GnuGoId, 1));
        }

        foreach (var engine in options.Value.Engines.Where(engine => engines.Find(engine.Id) is not null))
        {
            var name = string.IsNullOrWhiteSpace(engine.Name) ? engine.Id : engine.Name;
            var description = string.IsNullOrWhiteSpace(engine.Description) ? $"The GTP engine {name}." : engine.Description;
            gtpProfiles.Add(new GtpProfile(new ComputerOpponent(engine.Id, name, description), engine.Id, null));
        }
    }

    /// <summary>Whether GNU Go can be used here (the UI may say so; the built-in player stands in otherwise).</summary>
    public bool GnuGoAvailable => engines.IsAvailable(GtpEngines.GnuGoId);

    public IReadOnlyList<ComputerOpponent> Available => Profiles.Select(profile => profile.Opponent).ToList();

    /// <summary>The profiles on offer now, the default first.</summary>
    public IReadOnlyList<ComputerProfile> Profiles
    {
        get
        {
            var profiles = new List<ComputerProfile>();
            profiles.AddRange(gtpProfiles.Where(profile => engines.IsAvailable(profile.EngineId)));
            if (GnuGoAvailable)
            {
                profiles.AddRange(builtIn);
            }
            else
            {
                // The built-in "Club" level leads the built-in ones (the default unless another engine is configured),
                // and says why GNU Go is not there.
                var club = builtIn.Single(profile => profile.Id == ClubId);
                var note = engines.Find(GtpEngines.GnuGoId) is null ? string.Empty : GnuGoMissing;
                profiles.Add(club with { Opponent = club.Opponent with { Description = club.Opponent.Description + note } });
                profiles.AddRange(builtIn.Where(profile => profile.Id != ClubId));
            }

            return profiles;
        }
    }

    public ComputerProfile Default => Profiles[0];

    /// <summary>The profile for an id stored with a game; the default for null; the built-in "Club" level for an id this instance cannot run.</summary>
    public ComputerProfile Resolve(string? id)
    {
        var (profile, standsIn) = Find(id);
        if (standsIn)
        {
            OpponentUnavailable(logger, id);
        }

        return profile;
    }

    public ComputerOpponent PlaysFor(string? id)
    {
        var (profile, standsIn) = Find(id);
        return standsIn
            ? profile.Opponent with { Description = $"The opponent chosen for this game cannot run on this server, so {profile.Opponent.Name} plays instead." }
            : profile.Opponent;
    }

    private (ComputerProfile Profile, bool StandsIn) Find(string? id)
    {
        if (id is null)
        {
            return (Default, false);
        }

        var known = Profiles.FirstOrDefault(profile => profile.Id == id);
        return known is not null ? (known, false) : (builtIn.Single(profile => profile.Id == ClubId), true);
    }

    /// <summary>Whether <paramref name="id"/> names an opponent that can be chosen for a new game now.</summary>
    public bool IsAvailable(string id) => Profiles.Any(profile => profile.Id == id);

    /// <summary>The brain for a profile, shared by every game that plays it (brains keep no per-game state).</summary>
    public IComputerBrain BrainFor(ComputerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (gate)
        {
            if (!brains.TryGetValue(profile.Id, out var brain))
            {
                brain = Create(profile);
                brains[profile.Id] = brain;
            }

            return brain;
        }
    }

    // Called under the lock: the built-in brains already exist (made in the constructor).
    private IComputerBrain Create(ComputerProfile profile) => profile switch
    {
        MonteCarloProfile builtInProfile => new MonteCarloBrain(builtInProfile.Settings, builtInProfile.Opponent.Name),
        GtpProfile gtp => new GtpBrain(gtp.Opponent.Name, engines.Find(gtp.EngineId)!, gtp.GnuGoLevel, brains[ClubId], loggers.CreateLogger<GtpBrain>()),
        _ => throw new ArgumentException($"Unknown kind of computer player: {profile.GetType().Name}", nameof(profile)),
    };

    // The built-in levels differ only in thinking time per move (or share a fixed playout budget when one is configured).
    private static List<MonteCarloProfile> BuiltInLevels(int threads, int? playouts)
    {
        MonteCarloSettings Budget(double seconds) =>
            playouts is { } fixedPlayouts ? new MonteCarloSettings(fixedPlayouts, null, threads) : new MonteCarloSettings(null, TimeSpan.FromSeconds(seconds), threads);

        return
        [
            new(new ComputerOpponent(BeginnerId, "Built-in, beginner", "Our own Monte-Carlo player thinking 0.2 s a move: plays quickly and makes mistakes."), Budget(0.2)),
            new(new ComputerOpponent(ClubId, "Built-in, club", "Our own Monte-Carlo player thinking 1 s a move."), Budget(1)),
            new(new ComputerOpponent(StrongId, "Built-in, strong", "Our own Monte-Carlo player thinking 3 s a move: strongest on 9x9."), Budget(3)),
        ];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Computer opponent {OpponentId} is not available here; the built-in Club level plays instead")]
    private static partial void OpponentUnavailable(ILogger logger, string? opponentId);
}
