using Igo.Data;
using Igo.Data.Stores;

namespace Igo.Web.Games;

/// <summary>
/// Gives keys back in the store. A release must not be lost: when the store fails, it is retried in the background
/// (doubling pauses, up to 5 s) until it succeeds or the app stops, when the presence lease service releases the rest.
/// </summary>
internal sealed partial class KeyReleases(GameServices services) : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ILogger logger = services.Logger;

    public async Task ReleaseAsync(string key, KeyHolder holder)
    {
        try
        {
            await services.Store.ReleaseKeyAsync(key, holder, StoreTime.Now(services.Time), stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the presence lease service releases this instance's keys.
        }
#pragma warning disable CA1031 // Retried below; the caller's work is done either way.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogReleaseFailed(exception, 1);
            _ = Task.Run(() => RetryAsync(key, holder));
        }
    }

    /// <summary>Stops the retries still running.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        stopping.Dispose();
    }

    private async Task RetryAsync(string key, KeyHolder holder)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        for (var attempt = 2; !stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                await Task.Delay(delay, stopping.Token);
                await services.Store.ReleaseKeyAsync(key, holder, StoreTime.Now(services.Time), stopping.Token);
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
#pragma warning disable CA1031 // Keep trying: the key must not stay held by a connection that is gone.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogReleaseFailed(exception, attempt);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing a key failed (attempt {Attempt}); retrying in the background")]
    private partial void LogReleaseFailed(Exception exception, int attempt);
}
