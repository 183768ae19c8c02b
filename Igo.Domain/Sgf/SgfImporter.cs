using System.Globalization;

namespace Igo.Domain;

/// <summary>Turns the nodes of an SGF main line into a <see cref="Game"/>, or a clear reason why it cannot.</summary>
internal static class SgfImporter
{
    public static SgfImportResult Import(IReadOnlyList<SgfNode> nodes, DateTimeOffset at)
    {
        var root = nodes[0];
        if (root.Single("GM") is { } gm && gm.Trim() != "1")
        {
            return SgfImportResult.Failure($"This is not a game of Go (GM[{gm}]).");
        }

        if (ReadSize(root.Single("SZ")) is not { } size)
        {
            return SgfImportResult.Failure($"Unsupported board size SZ[{root.Single("SZ")}]: Igo plays square boards from {Board.MinSize} to {Board.MaxSize}.");
        }

        var komiText = root.Single("KM");
        var komi = 0.0;
        if (komiText is not null && (!double.TryParse(komiText, NumberStyles.Float, CultureInfo.InvariantCulture, out komi) || !double.IsFinite(komi)))
        {
            return SgfImportResult.Failure($"The komi KM[{komiText}] is not a number.");
        }

        if (root["AW"] is not null || root["AE"] is not null)
        {
            return SgfImportResult.Failure("The file sets up white stones or empties points (AW/AE): Igo starts games from an empty board or a fixed handicap.");
        }

        var setup = SgfPoints.ReadList(root["AB"] ?? [], size).Distinct().ToList();
        var handicapText = root.Single("HA");
        var declaredHandicap = 0;
        if (handicapText is not null && !int.TryParse(handicapText, NumberStyles.None, CultureInfo.InvariantCulture, out declaredHandicap))
        {
            return SgfImportResult.Failure($"The handicap HA[{handicapText}] is not a number.");
        }

        if (HandicapRefusal(size, setup, declaredHandicap) is { } refusal)
        {
            return SgfImportResult.Failure(refusal);
        }

        var (scoring, ko) = SgfRulesName.Read(root.Single("RU"));
        var game = Game.Create(size, new Ruleset(ko, scoring, komi, setup.Count));
        if (root.Single("PL") is { } toPlay && ReadColor(toPlay) is { } first && first != game.Turn)
        {
            return SgfImportResult.Failure($"The file gives the first move to {first.ToWord()}, but {game.Turn.ToWord()} moves first here.");
        }

        var timeControl = SgfTime.ReadControl(root.Single("TM"), root.Single("OT"));
        var moveClocks = new List<ClockReading?>();
        var moveNumber = 0;
        for (var index = 0; index < nodes.Count; index++)
        {
            var node = nodes[index];
            if (index > 0 && (node["AB"] ?? node["AW"] ?? node["AE"]) is not null)
            {
                return SgfImportResult.Failure($"Node {index + 1} adds or removes stones (AB/AW/AE): Igo supports setup only as a handicap in the first node.");
            }

            var black = node["B"];
            var white = node["W"];
            if (black is null && white is null)
            {
                continue;
            }

            if (black is not null && white is not null)
            {
                return SgfImportResult.Failure($"Node {index + 1} holds both a black and a white move.");
            }

            moveNumber++;
            var (player, value) = black is not null ? (Color.Black, black[0]) : (Color.White, white![0]);
            var written = $"{(player == Color.Black ? 'B' : 'W')}[{value}]";
            var point = SgfPoints.ReadMove(value, size);
            if (player != game.Turn && game.Status == GameStatus.Play)
            {
                return SgfImportResult.Failure($"Move {moveNumber} ({written}) is {player.ToWord()}'s, but it is {game.Turn.ToWord()}'s turn: Igo games alternate.");
            }

            var outcome = game.Apply(new GameAction(point is null ? ActionType.Pass : ActionType.PlaceStone, player, point, at));
            if (!outcome.Accepted)
            {
                return SgfImportResult.Failure($"Move {moveNumber} ({written}) cannot be played: {outcome}.");
            }

            moveClocks.Add(SgfTime.ReadMoveClock(node, player, timeControl, moveNumber));
        }

        var declared = root.Single("RE");
        ApplyResignation(game, declared, at);
        var info = new SgfGameInfo(root.Single("PB"), root.Single("PW"), root.Single("DT"), root.Single("GN"), timeControl);
        return SgfImportResult.Success(game, info, declared, moveClocks);
    }

    private static int? ReadSize(string? text)
    {
        if (text is null)
        {
            return 19;
        }

        var parts = text.Split(':');
        if (parts.Length > 2 || (parts.Length == 2 && parts[0].Trim() != parts[1].Trim()))
        {
            return null;
        }

        return int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= Board.MinSize and <= Board.MaxSize
            ? size
            : null;
    }

    private static string? HandicapRefusal(int size, List<Point> setup, int declared)
    {
        if (setup.Count == 0)
        {
            return declared >= Handicap.MinStones ? $"HA[{declared}] is given without its stones (AB)." : null;
        }

        if (declared != 0 && declared != setup.Count)
        {
            return $"HA[{declared}] does not match the {setup.Count} black stones set up (AB).";
        }

        if (!Handicap.IsSupported(size, setup.Count) || !Handicap.StandardPoints(size, setup.Count).ToHashSet().SetEquals(setup))
        {
            return $"The {setup.Count} black stones set up (AB) are not a standard handicap on {size}x{size}: Igo supports fixed handicaps of 2 to 9 stones on 9x9, 13x13 and 19x19.";
        }

        return null;
    }

    private static Color? ReadColor(string text) => text.Trim().ToUpperInvariant() switch
    {
        "B" => Color.Black,
        "W" => Color.White,
        _ => null,
    };

    // "B+R" / "W+Resign": the loser resigns at the end of the moves, if the game is still in play.
    private static void ApplyResignation(Game game, string? declared, DateTimeOffset at)
    {
        if (game.Status == GameStatus.Play && SgfResult.Read(declared) is { Type: ResultType.Resignation, Winner: { } winner })
        {
            game.Apply(new GameAction(ActionType.Resign, winner.Opponent(), null, at));
        }
    }
}
