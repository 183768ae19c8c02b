using System.Diagnostics;
using System.Globalization;
using Igo.Computer;
using Igo.Computer.Gtp;
using Igo.Computer.MonteCarlo;
using Igo.Computer.Players;
using Igo.Domain;
using Igo.Testing.Games;
using Microsoft.Extensions.Logging.Abstractions;

namespace Igo.Bench;

/// <summary>
/// Strength of the built-in player on 9x9 (Japanese rules, komi 6.5), colours alternating, with playout budgets so a
/// run is repeatable: against a uniformly random player, and against GNU Go at levels 1 and 10 when it is installed.
/// Every game is played to a counted result by the computer players' own policy (dead stones, count requests).
/// Run: <c>dotnet run -c Release --project Igo.Bench -- strength [games per match] [playouts per move] [tactics on|off (default off)] [opponents: random,tactics,gnugo1,gnugo10]</c>.
/// </summary>
internal static class StrengthMatches
{
    private static readonly int[] GnuGoLevels = [1, 10];

    public static async Task RunAsync(string[] args)
    {
        var games = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var playouts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var tactics = args.Length > 2 && args[2] == "on";
        var opponents = args.Length > 3 ? args[3].Split(',') : ["random", "gnugo1", "gnugo10"];
        var threads = Environment.ProcessorCount;
        Console.WriteLine($"9x9, Japanese rules, komi 6.5; built-in player: {playouts} playouts a move on {threads} threads, playout tactics {(tactics ? "on" : "off")}; {games} games per match");
        MonteCarloSettings BuiltIn(int seed) => new(playouts, null, threads, Seed: seed) { Tactics = tactics };

        if (opponents.Contains("random"))
        {
            await MatchAsync("uniformly random player", games, BuiltIn, (color, seed) => new RandomPlayer(color, seed));
        }

        if (opponents.Contains("tactics"))
        {
            // The same player with the other playout policy, to measure what the playout tactics are worth.
            await MatchAsync($"built-in with playout tactics {(tactics ? "off" : "on")}", games, BuiltIn, (color, seed) =>
                Counted(new MonteCarloBrain(new MonteCarloSettings(playouts, null, threads, Seed: seed + 1000) { Tactics = !tactics }), color));
        }

        var gnuGo = new GtpCommandLine("/usr/games/gnugo", ["--mode", "gtp"]);
        if (!gnuGo.IsInstalled())
        {
            Console.WriteLine("GNU Go is not installed: matches against it skipped.");
            return;
        }

        await using var pool = new GtpEnginePool("gnugo", gnuGo, 1, GtpTimeouts.Default, NullLogger.Instance);
        foreach (var level in GnuGoLevels.Where(level => opponents.Contains($"gnugo{level}")))
        {
            var fallback = new MonteCarloBrain(new MonteCarloSettings(100, null, 1, 1));
            var brain = new GtpBrain($"GNU Go {level}", pool, level, fallback, NullLogger<GtpBrain>.Instance);
            await MatchAsync($"GNU Go level {level}", games, BuiltIn, (color, _) => Counted(brain, color));
        }
    }

    private static async Task MatchAsync(string opponent, int games, Func<int, MonteCarloSettings> settings, Func<Color, int, ILocalPlayer> makeOpponent)
    {
        var wins = 0;
        var margins = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var game = 1; game <= games; game++)
        {
            var builtInColor = game % 2 == 1 ? Color.Black : Color.White;
            var builtIn = Counted(new MonteCarloBrain(settings(game)), builtInColor);
            var other = makeOpponent(builtInColor.Opponent(), game);
            var (result, score, moves) = await PlayAsync(builtInColor == Color.Black ? builtIn : other, builtInColor == Color.Black ? other : builtIn);
            var won = result?.Winner == builtInColor;
            wins += won ? 1 : 0;
            var margin = score is { } s ? (builtInColor == Color.Black ? s.Black - s.White : s.White - s.Black) : double.NaN;
            margins.Add(margin);
            Console.WriteLine($"  vs {opponent}, game {game}: built-in {builtInColor.ToWord()}, {(result is null ? "unfinished" : won ? "won" : "lost")} {(double.IsNaN(margin) ? string.Empty : margin.ToString("+0.#;-0.#", CultureInfo.InvariantCulture))} after {moves} moves");
        }

        Console.WriteLine($"Built-in vs {opponent}: {wins}/{games} won, mean margin {margins.Where(m => !double.IsNaN(m)).DefaultIfEmpty().Average():+0.0;-0.0} points, {clock.Elapsed.TotalSeconds:0} s");
    }

    private static async Task<(GameResult? Result, PerColor<double>? Score, int Moves)> PlayAsync(ILocalPlayer black, ILocalPlayer white)
    {
        var game = LocalGame.Create(9, Ruleset.Japanese(), black, white);
        try
        {
            await game.PlayAsync(maxActions: 1000, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Stalled or endless: reported as unfinished.
        }

        return (game.Game.Result, game.Game.Tally?.Score, game.Game.View().MoveNumber);
    }

    // Played out to the count (no resignations), so every finished game has a margin.
    private static PolicyPlayer Counted(IComputerBrain brain, Color color) => new(new ComputerPlayerPolicy(brain, color, mayResign: false));
}
