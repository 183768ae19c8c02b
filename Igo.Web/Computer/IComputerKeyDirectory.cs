using Igo.Web.Games;

namespace Igo.Web.Computer;

/// <summary>What the computer player host needs from the store besides the coordinator.</summary>
public interface IComputerKeyDirectory
{
    /// <summary>
    /// Computer keys that nobody holds, of games that are not complete and whose human player is connected, with their
    /// secret and opponent: the ones a sweep should take over (their driver stopped, or its instance died and its
    /// lease expired).
    /// </summary>
    Task<IReadOnlyList<ComputerSeatRequest>> FindUndrivenAsync(CancellationToken cancellationToken = default);
}
