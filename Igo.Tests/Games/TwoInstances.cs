using Igo.Tests.Data;

namespace Igo.Tests.Games;

/// <summary>
/// Two instances of the app, A and B, on one test store (PostgreSQL with LISTEN/NOTIFY, or SQLite with the in-process
/// bus), each with a long lease (<see cref="TestHost.LongLease"/>): the base of tests whose players sit on different
/// instances and that are not about leases.
/// </summary>
public abstract class TwoInstances<TStore>(TStore store) : IAsyncLifetime
    where TStore : IStoreFixture
{
    protected TestHost A { get; private set; } = null!;

    protected TestHost B { get; private set; } = null!;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        A = await store.StartInstanceAsync(settings: TestHost.LongLease);
        B = await store.StartInstanceAsync(settings: TestHost.LongLease);
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
