using System.Globalization;
using Igo.Data.Stores;
using Igo.Domain;

namespace Igo.Web.Games;

/// <summary>A game's record as a file the player can keep: the SGF of its committed line of play.</summary>
public sealed record GameFile(string FileName, string ContentType, string Text);

/// <summary>The record of a game as a downloadable file.</summary>
public interface IGameRecords
{
    /// <summary>
    /// The game's SGF, or null when there is no such game. A side a computer played is named after it
    /// (<paramref name="blackComputer"/>, <paramref name="whiteComputer"/>: "GNU Go, level 5"); a person by their colour.
    /// </summary>
    Task<GameFile?> SgfAsync(long gameId, string? blackComputer, string? whiteComputer, CancellationToken cancellationToken = default);
}

/// <summary>
/// Builds a game's SGF from its stored action log (the source of truth), replayed by the rules engine; a timed game's
/// moves carry the mover's clock after each, from the thinking times in the log (BL/WL, OB/OW). The page asks
/// only for the game its own seat holds, so a player can download no game but their own.
/// </summary>
public sealed class GameRecords(GameStore store) : IGameRecords
{
    public async Task<GameFile?> SgfAsync(long gameId, string? blackComputer, string? whiteComputer, CancellationToken cancellationToken = default)
    {
        var stored = await store.LoadGameAsync(gameId, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var (game, moveClocks) = MoveClocks.Replay(stored.Game.Size, stored.Game.Rules, stored.Game.TimeControl, stored.Actions);
        var date = stored.Game.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var info = new SgfGameInfo(
            BlackPlayer: blackComputer ?? "Black",
            WhitePlayer: whiteComputer ?? "White",
            Date: date,
            GameName: $"Igo game {stored.Game.Id}",
            TimeControl: game.TimeControl);
        var size = stored.Game.Size;
        return new GameFile($"igo-{date}-{size}x{size}-{stored.Game.Id}.sgf", "application/x-go-sgf", Sgf.Export(game, info, moveClocks));
    }
}
