using Igo.Data.Stores;

namespace Igo.Tests.Data;

/// <summary>
/// Store tests that each run against one fresh instance on the fixture's store: started before every test, stopped
/// after it, with its <see cref="GameStore"/> and key holders on it.
/// </summary>
public abstract class OneInstanceStoreTests(IStoreFixture store) : IAsyncLifetime
{
    protected TestHost Host { get; private set; } = null!;

    protected GameStore Games { get; private set; } = null!;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected static string NewKey() => Guid.NewGuid().ToString("N")[..10];

    /// <summary>A connection of this instance, named for the test's story.</summary>
    protected KeyHolder Holder(string connection) => new(Host.InstanceId, connection);

    public async ValueTask InitializeAsync()
    {
        Host = await store.StartInstanceAsync();
        Games = Host.Get<GameStore>();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
