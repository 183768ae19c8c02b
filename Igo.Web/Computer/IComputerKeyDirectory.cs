namespace Igo.Web.Computer;

/// <summary>A computer player's key as stored: the secret that joins it, and which opponent (an <see cref="Igo.Web.Games.IComputerOpponents"/> id) plays it.</summary>
public sealed record ComputerKey(string Key, string Secret, string? OpponentId);

/// <summary>What the computer player host needs from the store.</summary>
public interface IComputerKeyDirectory
{
    /// <summary>The computer key's secret and opponent; null when the key is unknown or not a computer's.</summary>
    Task<ComputerKey?> FindAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Computer keys that nobody holds, of games that are not complete and whose human player is connected:
    /// the ones a sweep should take over (their driver stopped, or its instance died and its lease expired).
    /// </summary>
    Task<IReadOnlyList<string>> FindUndrivenAsync(CancellationToken cancellationToken = default);
}
