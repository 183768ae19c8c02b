using System.Diagnostics;
using System.Globalization;
using Igo.Domain;
using Igo.Web.Computer;
using Igo.Web.Computer.Gtp;
using Igo.Web.Computer.MonteCarlo;
using Igo.Web.Computer.Players;
using Microsoft.Extensions.Logging.Abstractions;

namespace Igo.Bench;

/// <summary>
/// Strength of the built-in player on 9x9 (Japanese rules, komi 6.5), colours alternating, with playout budgets so a
/// run is repeatable: against a uniformly random player, and against GNU Go at levels 1 and 10 when it is installed.
/// Every game is played to a counted result by the computer players' own policy (dead stones, count requests).
/// Run: <c>dotnet run -c Release --project Igo.Bench -- strength [games per match] [playouts per move] [tactics on|off] [opponents: random,notactics,gnugo1,gnugo10]</c>.
/// </summary>
internal static class StrengthMatches
{
    private static readonly int[] GnuGoLevels = [1, 10];

    public static async Task RunAsync(string[] args)
    {
        var games = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var playouts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var tactics = args.Length <= 2 || args[2] != "off";
        var opponents = args.Length > 3 ? args[3].Split(',') : ["random", "gnugo1", "gnugo10"];
        var threads = Environment.ProcessorCount;
        Console.WriteLine($"9x9, Japanese rules, komi 6.5; built-in player: {playouts} playouts a move on {threads} threads, playout tactics {(tactics ? "on" : "off")}; {games} games per match");
        MonteCarloSettings BuiltIn(int seed) => new(playouts, null, threads, Seed: seed) { Tactics = tactics };

        if (opponents.Contains("random"))
        {
            await MatchAsync("uniformly random player", games, BuiltIn, (color, seed) => new RandomSide(color, seed));
        }

        if (opponents.Contains("notactics"))
        {
            // The same player with plain playouts (no answer to the last move), to measure what the playout tactics are worth.
            await MatchAsync("built-in without playout tactics", games, BuiltIn, (color, seed) =>
                new PolicySide(new ComputerPlayerPolicy(new MonteCarloBrain(new MonteCarloSettings(playouts, null, threads, Seed: seed + 1000) { Tactics = false }), color)));
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
            await MatchAsync($"GNU Go level {level}", games, BuiltIn, (color, _) => new PolicySide(new ComputerPlayerPolicy(brain, color)));
        }
    }

    private static async Task MatchAsync(string opponent, int games, Func<int, MonteCarloSettings> settings, Func<Color, int, ISide> makeOpponent)
    {
        var wins = 0;
        var margins = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var game = 1; game <= games; game++)
        {
            var builtInColor = game % 2 == 1 ? Color.Black : Color.White;
            var builtIn = new PolicySide(new ComputerPlayerPolicy(new MonteCarloBrain(settings(game)), builtInColor));
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

    private static async Task<(GameResult? Result, PerColor<double>? Score, int Moves)> PlayAsync(ISide black, ISide white)
    {
        var game = Game.Create(9, Ruleset.Japanese());
        for (var actions = 0; actions < 1000 && game.Status != GameStatus.Complete; actions++)
        {
            var acted = false;
            foreach (var (color, side) in new[] { (Color.Black, black), (Color.White, white) })
            {
                var view = game.View();
                if (await side.DecideAsync(view) is not { } intent)
                {
                    continue;
                }

                if (!game.Apply(new GameAction(intent.Type, color, intent.Point, DateTimeOffset.UnixEpoch)).Accepted)
                {
                    side.Refused(view, intent);
                }

                acted = true;
                break;
            }

            if (!acted)
            {
                break;
            }
        }

        return (game.Result, game.Tally?.Score, game.View().MoveNumber);
    }

    private interface ISide
    {
        Task<ComputerIntent?> DecideAsync(GameView view);

        void Refused(GameView view, ComputerIntent intent);
    }

    private sealed class PolicySide(ComputerPlayerPolicy policy) : ISide
    {
        public Task<ComputerIntent?> DecideAsync(GameView view) => policy.DecideAsync(view);

        public void Refused(GameView view, ComputerIntent intent) => policy.Refused(view, intent);
    }

    // The original's random player: a uniformly random legal point, a pass when none is left, yes to every request.
    private sealed class RandomSide(Color color, int seed) : ISide
    {
        private readonly Random random = new(seed);

        public Task<ComputerIntent?> DecideAsync(GameView view)
        {
            if (view.Status == GameStatus.RequestPending && view.PendingRequest?.Initiator != color)
            {
                return Task.FromResult<ComputerIntent?>(new ComputerIntent(ActionType.Accept));
            }

            if (view.Status != GameStatus.Play || view.Turn != color)
            {
                return Task.FromResult<ComputerIntent?>(null);
            }

            var legal = Enumerable.Range(0, view.LegalForTurn.Count).Where(i => view.LegalForTurn[i]).ToList();
            if (legal.Count == 0)
            {
                return Task.FromResult<ComputerIntent?>(ComputerIntent.Pass);
            }

            var index = legal[random.Next(legal.Count)];
            return Task.FromResult<ComputerIntent?>(new ComputerIntent(ActionType.PlaceStone, new Point(index / view.Size, index % view.Size)));
        }

        public void Refused(GameView view, ComputerIntent intent)
        {
        }
    }
}
