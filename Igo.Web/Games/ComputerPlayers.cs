namespace Igo.Web.Games;

/// <summary>
/// A computer player a game needs now: its key and secret (never sent to a browser) and which opponent plays it
/// (an <see cref="Igo.Computer.IComputerOpponents"/> id, null for the default).
/// </summary>
public sealed record ComputerSeatRequest(long GameId, string Key, string Secret, string? Level);

/// <summary>
/// Starts a computer player. The coordinator calls every registered launcher when a game against the computer is
/// created, and when a human (re)joins such a game while the computer's key is free (docs/PROTOCOL.md §2.3).
/// It must return at once and do its work in the background.
/// </summary>
public interface IComputerPlayerLauncher
{
    void Launch(ComputerSeatRequest request);
}
