using Igo.Data.Model;
using Igo.Domain;
using Microsoft.EntityFrameworkCore;

namespace Igo.Data.Stores;

/// <summary>The query the computer player host's takeover sweep needs.</summary>
public sealed partial class GameStore
{
    /// <summary>
    /// Computer keys (those with a secret) that no connection holds, in games that are not complete, whose opponent (the
    /// human) is held: a computer player should be playing there and is not (its driver stopped, or its instance died
    /// and its keys were released). At most <paramref name="limit"/>, oldest games first.
    /// </summary>
    public async Task<IReadOnlyList<PlayerKeyRecord>> FindUndrivenComputerKeysAsync(CancellationToken cancellationToken, int limit = 1000)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (
            from computer in db.PlayerKeys.AsNoTracking()
            join human in db.PlayerKeys on computer.OpponentKey equals human.Key
            join game in db.Games on computer.GameId equals game.Id
            where computer.ComputerSecret != null
                && computer.HeldByInstance == null
                && human.HeldByInstance != null
                && game.Status != GameStatus.Complete
            orderby computer.GameId
            select computer).Take(limit).ToListAsync(cancellationToken);
    }
}
