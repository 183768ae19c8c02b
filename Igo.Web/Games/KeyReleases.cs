using Igo.Data;
using Igo.Data.Stores;

namespace Igo.Web.Games;

/// <summary>
/// Releases that failed are not lost: each is retried in the background (doubling pauses from 200 ms up to 5 s) until
/// the store takes it or the app stops, when the presence lease service releases the rest.
/// </summary>
internal sealed partial class KeyReleases(GameServices services) : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ILogger logger = services.Logger;

    /// <summary>Releases a key on its own (not through the group commit), retrying in the background if that fails.</summary>
    public async Task ReleaseAsync(KeyRelease release)
    {
        try
        {
            await services.Store.ReleaseKeyAsync(release, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the presence lease service releases this instance's keys.
        }
#pragma warning disable CA1031 // Retried below; the caller's work is done either way.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Retry(release, exception);
        }
    }

    /// <summary>Retries a release that failed, in the background.</summary>
    public void Retry(KeyRelease release, Exception failure)
    {
        LogReleaseFailed(failure, 1);
        _ = Task.Run(() => RetryAsync(release));
    }

    /// <summary>Stops the retries still running.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        stopping.Dispose();
    }

    private async Task RetryAsync(KeyRelease release)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        for (var attempt = 2; !stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                await Task.Delay(delay, stopping.Token);
                await services.Store.ReleaseKeyAsync(release with { Now = StoreTime.Now(services.Time) }, stopping.Token);
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
