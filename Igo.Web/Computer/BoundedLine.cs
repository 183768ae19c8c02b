namespace Igo.Web.Computer;

/// <summary>
/// Work run one piece at a time, with at most <paramref name="maxWaiting"/> pieces waiting behind the running one:
/// when the line is full, new work is turned away at once instead of piling up behind work that may never catch up.
/// </summary>
internal sealed class BoundedLine(int maxWaiting) : IDisposable
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private int inLine;

    /// <summary>The answer of <paramref name="work"/> once its turn came, or null when the line was full.</summary>
    public async Task<T?> TryRunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Interlocked.Increment(ref inLine) > maxWaiting + 1)
        {
            Interlocked.Decrement(ref inLine);
            return null;
        }

        try
        {
            await turn.WaitAsync(cancellationToken);
            try
            {
                return await work();
            }
            finally
            {
                turn.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref inLine);
        }
    }

    public void Dispose() => turn.Dispose();
}
