namespace Igo.Web.Components.Play;

/// <summary>
/// When a page's renders have reached its browser. On Blazor Server a component's OnAfterRender runs once the browser
/// has acknowledged the batch that carried the render, so a page that calls <see cref="Shown"/> from it lets a caller
/// wait until what it rendered is on the player's screen: a game's spectators start their renders only then, and never
/// take the two cores while a player's move is still on its way (docs/decisions/0014-spectators-behind-the-players.md).
/// </summary>
public sealed class ShownRenders
{
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Shown"/>: take it before asking for the render it should wait for.</summary>
    public Task Next => Volatile.Read(ref next).Task;

    /// <summary>Called from the page's OnAfterRender: every render asked for so far has been shown.</summary>
    public void Shown() => Interlocked.Exchange(ref next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// Waits for <paramref name="shown"/>, but no longer than <paramref name="atMost"/>: a page whose browser is away
    /// never acknowledges, and its next change must not wait for ever.
    /// </summary>
    public static async Task WithinAsync(Task shown, TimeSpan atMost)
    {
        ArgumentNullException.ThrowIfNull(shown);
        await shown.WaitAsync(atMost).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
