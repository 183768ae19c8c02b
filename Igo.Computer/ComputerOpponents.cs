namespace Igo.Computer;

/// <summary>A computer opponent a player can pick (a built-in level or an external GTP engine).</summary>
public sealed record ComputerOpponent(string Id, string Name, string Description);

/// <summary>The computer opponents this instance can run; the first is the default (used by the compatibility endpoint).</summary>
public interface IComputerOpponents
{
    IReadOnlyList<ComputerOpponent> Available { get; }

    /// <summary>
    /// Who plays a game stored with this opponent id (null: the default) when this instance drives it: that opponent
    /// when it can run here, else the built-in stand-in, whose description then says so.
    /// </summary>
    ComputerOpponent PlaysFor(string? id);
}
