using Igo.Computer.MonteCarlo;

namespace Igo.Computer;

/// <summary>A computer opponent as the catalogue knows it: what players see, and what plays.</summary>
public abstract record ComputerProfile(ComputerOpponent Opponent)
{
    public string Id => Opponent.Id;
}

/// <summary>The built-in Monte-Carlo player at one level (its thinking budget per move).</summary>
public sealed record MonteCarloProfile(ComputerOpponent Opponent, MonteCarloSettings Settings) : ComputerProfile(Opponent);

/// <summary>A GTP engine of <see cref="Gtp.GtpEngines"/>; <see cref="GnuGoLevel"/> is sent before each move to GNU Go.</summary>
public sealed record GtpProfile(ComputerOpponent Opponent, string EngineId, int? GnuGoLevel) : ComputerProfile(Opponent);
