using Igo.Data.Stores;
using Igo.Web.Games;

namespace Igo.Web.Computer;

/// <summary>The computer player host's view of the store.</summary>
public sealed class StoreComputerKeyDirectory(GameStore store) : IComputerKeyDirectory
{
    public async Task<IReadOnlyList<ComputerSeatRequest>> FindUndrivenAsync(CancellationToken cancellationToken = default)
    {
        var keys = await store.FindUndrivenComputerKeysAsync(cancellationToken);
        return keys.Select(key => new ComputerSeatRequest(key.GameId, key.Key, key.ComputerSecret!, key.ComputerLevel)).ToList();
    }
}
