namespace Igo.Web.Games;

/// <summary>A live game's spectators: counted, and their chat, all on the game's queue (<see cref="SpectatorSync"/>).</summary>
internal sealed partial class LiveGame
{
    public string WatchId => copy.WatchId;

    public void SpectatorArrived()
    {
        spectators.Arrived();
        queue.Post(WriteSpectatorCountAsync);
    }

    public void SpectatorLeft()
    {
        spectators.Left();
        queue.Post(WriteSpectatorCountAsync);
    }

    public Task<IReadOnlyList<SpectatorMessage>> SpectatorChatThreadAsync(CancellationToken cancellationToken) =>
        queue.RunAsync(() => spectators.ThreadAsync(cancellationToken));

    public Task<SpectatorChatFailure?> SpectatorChatAsync(string name, string text) => queue.RunAsync(async () =>
    {
        try
        {
            await spectators.PostAsync(name, text);
            return (SpectatorChatFailure?)null;
        }
#pragma warning disable CA1031 // The store failed: nothing was posted, and the spectator may try again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LiveGameLog.CommitFailed(logger, exception, Id);
            return SpectatorChatFailure.Unavailable;
        }
    });

    private async Task WriteSpectatorCountAsync()
    {
        try
        {
            await spectators.WriteCountAsync();
        }
#pragma warning disable CA1031 // The count is written again with the next spectator's coming or going.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LiveGameLog.EventFailed(logger, exception, Id, "spectator count");
        }
    }
}
