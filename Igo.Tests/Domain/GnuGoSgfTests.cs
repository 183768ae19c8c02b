using System.Diagnostics;
using Igo.Domain;

namespace Igo.Tests.Domain;

/// <summary>Our exported SGF, loaded by GNU Go (`gnugo --mode gtp`, `loadsgf`), gives GNU Go the same final position, with or without times.</summary>
[Trait("Category", "Domain")]
public sealed class GnuGoSgfTests
{
    private const string GnuGo = "/usr/games/gnugo";

    [Theory]
    [InlineData(19, 0, 41, 300)]
    [InlineData(9, 0, 42, 120)]
    [InlineData(13, 4, 43, 200)]
    [InlineData(9, 9, 44, 80)]
    public async Task GNU_Go_loads_an_exported_game_to_the_same_position(int size, int handicap, int seed, int moves)
    {
        var game = SgfTests.RandomGame(size, new Ruleset(KoRule.Simple, ScoringRule.Territory, 6.5, handicap), seed, moves);
        Assert.True(game.Prisoners.Black + game.Prisoners.White > 0, "the game should include captures");

        await AssertGnuGoReachesTheSamePosition(game, Sgf.Export(game));
    }

    [Theory]
    [InlineData(TimeSystem.Absolute)]
    [InlineData(TimeSystem.ByoYomi)]
    [InlineData(TimeSystem.Canadian)]
    [InlineData(TimeSystem.Fischer)]
    public async Task GNU_Go_loads_an_exported_timed_game_to_the_same_position(TimeSystem system)
    {
        var control = system switch
        {
            TimeSystem.Absolute => TimeControl.Absolute(TimeSpan.FromMinutes(60)),
            TimeSystem.ByoYomi => TimeControl.ByoYomi(TimeSpan.FromMinutes(1), 3, TimeSpan.FromSeconds(30)),
            TimeSystem.Canadian => TimeControl.Canadian(TimeSpan.FromMinutes(1), 5, TimeSpan.FromSeconds(60)),
            _ => TimeControl.Fischer(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2)),
        };
        var (game, clocks) = SgfTimeTests.TimedGame(control, seed: 45, moves: 120);
        var sgf = Sgf.Export(game, new SgfGameInfo(TimeControl: control), clocks);
        Assert.Contains("BL[", sgf, StringComparison.Ordinal);
        Assert.Equal(system is TimeSystem.ByoYomi or TimeSystem.Canadian, sgf.Contains("OB[", StringComparison.Ordinal));

        await AssertGnuGoReachesTheSamePosition(game, sgf);
    }

    private static async Task AssertGnuGoReachesTheSamePosition(Game game, string sgf)
    {
        if (!File.Exists(GnuGo))
        {
            Assert.Skip($"GNU Go is not installed at {GnuGo} (Debian package gnugo).");
        }

        var file = Path.Combine(Path.GetTempPath(), $"igo-gnugo-{Guid.NewGuid():N}.sgf");
        await File.WriteAllTextAsync(file, sgf, TestContext.Current.CancellationToken);
        try
        {
            var answers = await AskGnuGo(["loadsgf " + file, "list_stones black", "list_stones white"]);

            Assert.Equal(game.Turn.ToWord(), answers[0]);
            Assert.Equal(Labels(game, Stone.Black), answers[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet());
            Assert.Equal(Labels(game, Stone.White), answers[2].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static HashSet<string> Labels(Game game, Stone stone)
    {
        var view = game.View();
        return Enumerable.Range(0, game.Size * game.Size)
            .Select(i => new Point(i / game.Size, i % game.Size))
            .Where(p => view[p].Stone == stone)
            .Select(p => p.ToLabel(game.Size))
            .ToHashSet();
    }

    // Sends GTP commands and returns the text of each "=" answer; a "?" answer fails the test.
    private static async Task<List<string>> AskGnuGo(IReadOnlyList<string> commands)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var start = new ProcessStartInfo(GnuGo, ["--mode", "gtp"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        try
        {
            foreach (var command in commands)
            {
                await process.StandardInput.WriteLineAsync(command.AsMemory(), timeout.Token);
            }

            await process.StandardInput.WriteLineAsync("quit".AsMemory(), timeout.Token);
            await process.StandardInput.FlushAsync(timeout.Token);
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);

            var answers = output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            Assert.Equal(commands.Count + 1, answers.Count);
            Assert.All(answers, a => Assert.StartsWith("=", a, StringComparison.Ordinal));
            return answers.Take(commands.Count).Select(a => a.TrimStart('=').Trim()).ToList();
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }
}
