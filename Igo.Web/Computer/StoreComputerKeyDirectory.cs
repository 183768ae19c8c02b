using Igo.Data.Stores;

namespace Igo.Web.Computer;

/// <summary>The computer player host's view of the store.</summary>
public sealed class StoreComputerKeyDirectory(GameStore store) : IComputerKeyDirectory
{
    public async Task<ComputerKey?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        var record = await store.FindComputerKeyAsync(key, cancellationToken);
        return record?.ComputerSecret is { } secret ? new ComputerKey(record.Key, secret, record.ComputerLevel) : null;
    }

    public Task<IReadOnlyList<string>> FindUndrivenAsync(CancellationToken cancellationToken = default) =>
        store.FindUndrivenComputerKeysAsync(cancellationToken);
}
