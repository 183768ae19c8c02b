namespace Igo.Web.Games;

/// <summary>The coordinator's part in timeouts: a game whose flag fell is timed out on its own queue, opened here if need be.</summary>
internal sealed partial class GameCoordinator
{
    /// <summary>
    /// Times out the game's player whose flag fell more than the lag allowance ago, through the game's queue and the
    /// version-checked commit a move takes (docs/TIME-CONTROLS.md). Opens the game here for the while when no seat here
    /// holds it. True when this instance ended the game; false when there was nothing to do or another writer won.
    /// </summary>
    internal async Task<bool> TimeOutIfOverdueAsync(long gameId)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
        try
        {
            var (live, _) = await games.AcquireAsync(gameId, () => LiveGame.OpenAsync(gameId, services));
            return await live.TimeOutIfOverdueAsync();
        }
        finally
        {
            await games.LetGoAsync(gameId);
        }
    }
}
