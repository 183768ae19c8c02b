namespace Igo.Computer.Gtp;

/// <summary>
/// An engine borrowed from a <see cref="GtpEnginePool"/> for one piece of work. Dispose it to give the engine back;
/// an engine that died or was marked broken is stopped instead, and the pool starts a fresh one next time.
/// </summary>
public sealed class GtpEngineLease : IAsyncDisposable
{
    private readonly GtpEnginePool pool;
    private int returned;

    internal GtpEngineLease(GtpEnginePool pool, GtpEngineProcess engine)
    {
        this.pool = pool;
        Engine = engine;
    }

    public GtpEngineProcess Engine { get; }

    /// <summary>Set when the engine's state can no longer be trusted (a refused setup, an unexpected answer).</summary>
    public bool Broken { get; private set; }

    public void MarkBroken() => Broken = true;

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref returned, 1) == 0 ? pool.ReturnAsync(Engine, Broken) : ValueTask.CompletedTask;
}
