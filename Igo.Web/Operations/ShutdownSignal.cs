namespace Igo.Web.Operations;

/// <summary>
/// The phases of a graceful stop, for whoever holds connections. <see cref="IsStopping"/> turns true at SIGTERM
/// (readiness fails from then on); <see cref="Leaving"/> fires once the drain delay is over: new requests are refused
/// from then on and connections are asked to reconnect elsewhere.
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource leaving = new();
    private volatile bool stopping;

    public bool IsStopping => stopping;

    public bool IsLeaving => leaving.IsCancellationRequested;

    /// <summary>Cancelled when connections should go: close sockets with "going away", let computer players go.</summary>
    public CancellationToken Leaving => leaving.Token;

    internal void Stop() => stopping = true;

    internal void Leave()
    {
        stopping = true;
        leaving.Cancel();
    }

    public void Dispose() => leaving.Dispose();
}
