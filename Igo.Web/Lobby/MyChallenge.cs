using Igo.Web.Circuits;
using Igo.Web.Games;
using Microsoft.Extensions.Options;

namespace Igo.Web.Lobby;

/// <summary>
/// The challenge this page (circuit) has in the lobby, at most one: posting again replaces it. While it stands the
/// page keeps it alive every <see cref="LobbyOptions.KeepAliveInterval"/>; when the keep-alive or the lobby's lists
/// (from the bus, so at once on any instance) say it is gone, the page learns whether it was taken
/// (<see cref="StartedKey"/>: go there) or expired. Ending the circuit withdraws it; while the
/// circuit's connection is down nothing keeps it alive (<see cref="ChallengePresence"/>).
/// </summary>
public sealed class MyChallenge(ILobby lobby, CircuitIdentity circuit, IOptions<LobbyOptions> options, TimeProvider time) : IAsyncDisposable
{
    private int checking;
    private ITimer? keepAlive;
    private IDisposable? watch;

    /// <summary>Raised (on any thread) when <see cref="Posted"/>, <see cref="StartedKey"/> or <see cref="Expired"/> changes.</summary>
    public event Action? Changed;

    /// <summary>The challenge standing now; null when there is none.</summary>
    public PostedChallenge? Posted { get; private set; }

    /// <summary>Set once someone took the challenge: this page's key in the new game.</summary>
    public string? StartedKey { get; private set; }

    /// <summary>The last challenge went away without being taken (the page was gone too long).</summary>
    public bool Expired { get; private set; }

    /// <summary>Posts a challenge, replacing this page's standing one. Null when posted; otherwise why not.</summary>
    public async Task<SeatOutcome?> PostAsync(NewGameRequest request)
    {
        await WithdrawAsync();
        var reply = await lobby.PostAsync(request, circuit.Holder);
        if (reply.Posted is not { } posted)
        {
            return reply.Refusal;
        }

        (Posted, StartedKey, Expired) = (posted, null, false);
        StartKeepingAlive(options.Value.KeepAliveInterval);
        watch = lobby.Watch(snapshot =>
        {
            if (Posted is { } mine && !snapshot.Challenges.Any(c => c.Id == mine.Id))
            {
                _ = CheckAsync();
            }
        });
        Changed?.Invoke();
        return null;
    }

    /// <summary>
    /// The page's connection dropped: stop keeping the challenge alive, so that a page gone without a word (a closed
    /// laptop, a lost network) leaves the lobby after the grace rather than when its circuit is finally disposed.
    /// </summary>
    public void Suspend()
    {
        keepAlive?.Dispose();
        keepAlive = null;
    }

    /// <summary>The connection is back: keep the challenge alive again, and learn at once what became of it meanwhile.</summary>
    public void Resume()
    {
        if (Posted is not null && keepAlive is null)
        {
            StartKeepingAlive(TimeSpan.Zero);
        }
    }

    /// <summary>Withdraws the standing challenge, if any; if someone took it just before, the page learns its game instead.</summary>
    public async Task WithdrawAsync()
    {
        if (Stop() is { } posted)
        {
            if (!await lobby.WithdrawAsync(posted, circuit.Holder) && await lobby.HasStartedAsync(posted))
            {
                StartedKey = posted.CreatorKey;
            }

            Changed?.Invoke();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await WithdrawAsync();
        }
#pragma warning disable CA1031 // Best effort: a challenge not withdrawn is swept after the grace.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>
    /// Keeps the challenge alive, which also tells whether it is still there (on each tick, and at once when the lists
    /// stop showing it); once it is gone, learns whether its game started.
    /// </summary>
    private async Task CheckAsync()
    {
        // One check at a time: a tick and a change of the lists at once need only one.
        if (Interlocked.Exchange(ref checking, 1) == 1)
        {
            return;
        }

        try
        {
            // Refreshing the row also answers whether it is still there: one statement either way.
            if (Posted is not { } posted || await lobby.KeepAsync(posted, circuit.Holder))
            {
                return;
            }

            var started = await lobby.HasStartedAsync(posted);
            if (Posted != posted)
            {
                return;
            }

            Stop();
            (StartedKey, Expired) = started ? (posted.CreatorKey, false) : (null, true);
            Changed?.Invoke();
        }
#pragma warning disable CA1031 // The store failed: the next tick tries again.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            Volatile.Write(ref checking, 0);
        }
    }

    private void StartKeepingAlive(TimeSpan first)
    {
        keepAlive?.Dispose();
        keepAlive = time.CreateTimer(_ => _ = CheckAsync(), null, first, options.Value.KeepAliveInterval);
    }

    private PostedChallenge? Stop()
    {
        var posted = Posted;
        Posted = null;
        keepAlive?.Dispose();
        watch?.Dispose();
        (keepAlive, watch) = (null, null);
        return posted;
    }
}
