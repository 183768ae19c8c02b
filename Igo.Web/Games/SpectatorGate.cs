namespace Igo.Web.Games;

/// <summary>
/// How many spectators' calls of one game run at once (docs/decisions/0014-spectators-behind-the-players.md). Each
/// call ends in a render queued on the thread pool; without a bound, 500 spectators' renders queue at once and every
/// player's render waits behind them. A call that takes longer than <see cref="Hold"/> gives its slot back and goes
/// on outside it, so that a slow spectator delays the others by at most that much.
/// </summary>
#pragma warning disable CA1001 // The semaphore's wait handle is never asked for: nothing to dispose, and the gate lives as long as its game.
internal sealed class SpectatorGate(int width, TimeSpan hold)
#pragma warning restore CA1001
{
    /// <summary>A few at a time: enough to keep two cores busy, few enough that a player's work waits behind little.</summary>
    public const int DefaultWidth = 4;

    private readonly SemaphoreSlim slots = new(width, width);

    public static TimeSpan DefaultHold { get; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan Hold { get; } = hold;

    public async Task RunAsync(Func<Task> call)
    {
        await slots.WaitAsync().ConfigureAwait(false);
        Task running;
        try
        {
            running = call();
            if (!running.IsCompleted)
            {
                await Task.WhenAny(running, Task.Delay(Hold)).ConfigureAwait(false);
            }
        }
        finally
        {
            slots.Release();
        }

        await running.ConfigureAwait(false);
    }
}
