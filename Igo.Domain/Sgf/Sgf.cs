using System.Globalization;
using System.Text;

namespace Igo.Domain;

/// <summary>
/// Smart Game Format (FF[4]) for games of Go: export with size, komi, rules, handicap, result, moves and, once
/// tallied, territory (TB/TW); for a timed game also its time control (TM/OT) and each move's clock (BL/WL, OB/OW);
/// import of the main line of a file into a <see cref="Game"/>.
/// </summary>
public static class Sgf
{
    private const int MovesPerLine = 12;

    /// <summary>
    /// The game as an SGF file. <paramref name="moveClocks"/>, for a timed game (<see cref="SgfGameInfo.TimeControl"/>),
    /// holds the mover's clock after each move of <see cref="Game.Moves"/>, in order (null for a move without one).
    /// </summary>
    public static string Export(Game game, SgfGameInfo? info = null, IReadOnlyList<ClockReading?>? moveClocks = null)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (moveClocks is not null && (info?.TimeControl is not { IsTimed: true } || moveClocks.Count != game.Moves.Count))
        {
            throw new ArgumentException(
                $"Move clocks need a timed control in the game info and one entry per move ({moveClocks.Count} for {game.Moves.Count} moves).",
                nameof(moveClocks));
        }

        var sgf = new StringBuilder("(;FF[4]GM[1]CA[UTF-8]AP[Igo]");
        sgf.Append(CultureInfo.InvariantCulture, $"SZ[{game.Size}]KM[{Number(game.Rules.Komi)}]RU[{Escape(SgfRulesName.Write(game.Rules))}]");
        if (game.Rules.Handicap > 0)
        {
            sgf.Append(CultureInfo.InvariantCulture, $"HA[{game.Rules.Handicap}]AB");
            foreach (var point in game.HandicapStones)
            {
                sgf.Append('[').Append(SgfPoints.Write(point)).Append(']');
            }
        }

        AppendText(sgf, "PB", info?.BlackPlayer);
        AppendText(sgf, "PW", info?.WhitePlayer);
        AppendText(sgf, "DT", info?.Date);
        AppendText(sgf, "GN", info?.GameName);
        SgfTime.AppendControl(sgf, info?.TimeControl);
        if (SgfResult.Write(game.Result, game.Tally?.Score) is { } result)
        {
            sgf.Append("RE[").Append(result).Append(']');
        }

        for (var i = 0; i < game.Moves.Count; i++)
        {
            var move = game.Moves[i];
            sgf.Append(i % MovesPerLine == 0 ? "\n;" : ";").Append(move.Player == Color.Black ? 'B' : 'W').Append('[');
            if (move.Point is { } point)
            {
                sgf.Append(SgfPoints.Write(point));
            }

            sgf.Append(']');
            if (moveClocks is not null)
            {
                SgfTime.AppendMoveClock(sgf, move.Player, info!.TimeControl!, moveClocks[i]);
            }
        }

        AppendTerritory(sgf, game);
        return sgf.Append(")\n").ToString();
    }

    /// <summary>
    /// Reads the main line of the first game in <paramref name="text"/> and replays it under our rules. Variations are
    /// ignored; setup stones are accepted as a standard handicap. Malformed or unsupported input gives an error result.
    /// <paramref name="at"/> stamps the rebuilt actions (SGF has no moment for a move); the Unix epoch when omitted.
    /// </summary>
    public static SgfImportResult Import(string text, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return SgfImporter.Import(SgfReader.ReadMainLine(text), at ?? DateTimeOffset.UnixEpoch);
        }
        catch (SgfFormatException error)
        {
            return SgfImportResult.Failure(error.Message);
        }
    }

    internal static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static void AppendTerritory(StringBuilder sgf, Game game)
    {
        if (game.Tally is not { } tally)
        {
            return;
        }

        foreach (var (property, owner) in new[] { ("TB", Stone.Black), ("TW", Stone.White) })
        {
            var points = Enumerable.Range(0, game.Size * game.Size)
                .Select(i => new Point(i / game.Size, i % game.Size))
                .Where(p => game.View()[p].Stone == Stone.Empty && tally.Territory.OwnerOf(p, game.Size) == owner)
                .ToList();
            if (points.Count > 0)
            {
                sgf.Append('\n').Append(property);
                foreach (var point in points)
                {
                    sgf.Append('[').Append(SgfPoints.Write(point)).Append(']');
                }
            }
        }
    }

    private static void AppendText(StringBuilder sgf, string property, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            sgf.Append(property).Append('[').Append(Escape(value)).Append(']');
        }
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}
