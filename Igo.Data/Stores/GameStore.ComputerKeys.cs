using Igo.Data.Model;
using Igo.Domain;
using Microsoft.EntityFrameworkCore;

namespace Igo.Data.Stores;

/// <summary>The queries the computer player host needs: a computer key's secret and level, and the computer keys nobody drives.</summary>
public sealed partial class GameStore
{
    /// <summary>The key's record when it is a computer player's (it has a secret); null otherwise.</summary>
    public async Task<PlayerKeyRecord?> FindComputerKeyAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PlayerKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Key == key && k.ComputerSecret != null, cancellationToken);
    }

    /// <summary>
    /// Computer keys that no connection holds, in games that are not complete, whose opponent (the human) is held:
    /// a computer player should be playing there and is not (its driver stopped, or its instance died and was released).
    /// </summary>
    public async Task<IReadOnlyList<string>> FindUndrivenComputerKeysAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (
            from computer in db.PlayerKeys
            join human in db.PlayerKeys on computer.OpponentKey equals human.Key
            join game in db.Games on computer.GameId equals game.Id
            where computer.ComputerSecret != null
                && computer.HeldByInstance == null
                && human.HeldByInstance != null
                && game.Status != GameStatus.Complete
            orderby computer.GameId
            select computer.Key).Take(1000).ToListAsync(cancellationToken);
    }
}
