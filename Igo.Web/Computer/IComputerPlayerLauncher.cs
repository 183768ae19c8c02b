namespace Igo.Web.Computer;

/// <summary>
/// Starts the computer player of a key on this instance. The coordinator calls it right after it creates a game against
/// the computer and after a human joins a game whose other key is a computer's (PROTOCOL.md §8's "AI start" points).
/// Returns at once: joining and thinking happen in the background. Harmless when the key is already driven, here or on
/// another instance (holding the key is the lock: the second join is refused).
/// </summary>
public interface IComputerPlayerLauncher
{
    void Launch(string key);
}
