using Igo.Domain;
using static Igo.Domain.ActionType;
using static Igo.Domain.Color;

namespace Igo.Tests.Domain;

[Trait("Category", "Domain")]
public sealed class SgfTests
{
    [Fact]
    public void Export_writes_the_root_properties_and_the_moves()
    {
        var game = Game.Create(9, Ruleset.Japanese(6.5));
        game.Stones((4, 4), (2, 6));
        game.MustDo(Pass, Black);

        var sgf = Sgf.Export(game, new SgfGameInfo("Alice", "Bob [the] \\ builder", "2026-01-01"));

        Assert.StartsWith("(;FF[4]GM[1]CA[UTF-8]AP[Igo]SZ[9]KM[6.5]RU[Japanese]", sgf, StringComparison.Ordinal);
        Assert.Contains("PB[Alice]PW[Bob [the\\] \\\\ builder]DT[2026-01-01]", sgf, StringComparison.Ordinal);
        Assert.Contains(";B[ee];W[gc];B[])", sgf, StringComparison.Ordinal);
        Assert.DoesNotContain("RE[", sgf, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_writes_the_handicap_as_HA_and_AB_and_white_moves_first()
    {
        var game = Game.Create(19, Ruleset.Japanese(0.5) with { Handicap = 2 });
        game.Stones((3, 3));

        var sgf = Sgf.Export(game);

        Assert.Contains("HA[2]AB[dp][pd]", sgf, StringComparison.Ordinal);
        Assert.Contains(";W[dd])", sgf, StringComparison.Ordinal);
        Assert.Contains("KM[0.5]", sgf, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_writes_the_result()
    {
        var resigned = Game.Create(9, Ruleset.Japanese());
        resigned.MustDo(Resign, White);
        Assert.Contains("RE[B+R]", Sgf.Export(resigned), StringComparison.Ordinal);

        var drawn = Game.Create(9, Ruleset.Japanese());
        drawn.MustDo(RequestDraw, Black);
        drawn.MustDo(Accept, White);
        Assert.Contains("RE[0]", Sgf.Export(drawn), StringComparison.Ordinal);

        var counted = Game.Create(5, Ruleset.Chinese(3.5));
        counted.Stones((2, 2));
        counted.BothPass();
        counted.MustDo(RequestTally, White);
        counted.MustDo(Accept, Black);
        var sgf = Sgf.Export(counted);
        Assert.Contains("RE[B+21.5]", sgf, StringComparison.Ordinal); // 25 points by area, minus 3.5 komi
        Assert.Contains("RU[Chinese]", sgf, StringComparison.Ordinal);
        Assert.Contains("TB[aa]", sgf, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KoRule.Simple, ScoringRule.Territory, "Japanese")]
    [InlineData(KoRule.PositionalSuperko, ScoringRule.Area, "Chinese")]
    [InlineData(KoRule.SituationalSuperko, ScoringRule.Area, "AGA")]
    [InlineData(KoRule.PositionalSuperko, ScoringRule.Territory, "Japanese (positional superko)")]
    [InlineData(KoRule.Simple, ScoringRule.Area, "Chinese (simple ko)")]
    public void Rulesets_round_trip_through_RU(KoRule ko, ScoringRule scoring, string name)
    {
        var rules = new Ruleset(ko, scoring, 7.5);
        var sgf = Sgf.Export(Game.Create(9, rules));

        Assert.Contains($"RU[{name}]", sgf, StringComparison.Ordinal);
        Assert.Equal(rules, Sgf.Import(sgf).Game!.Rules);
    }

    [Theory]
    [InlineData(9, 0, 21)]
    [InlineData(13, 0, 22)]
    [InlineData(19, 0, 23)]
    [InlineData(19, 5, 24)]
    [InlineData(9, 3, 25)]
    public void A_random_game_round_trips(int size, int handicap, int seed)
    {
        var rules = new Ruleset(KoRule.PositionalSuperko, ScoringRule.Area, 7.5, handicap);
        var game = RandomGame(size, rules, seed, moves: size * size);

        var result = Sgf.Import(Sgf.Export(game, new SgfGameInfo("B", "W")));

        Assert.True(result.Succeeded, result.Error);
        var copy = result.Game!;
        Assert.Equal(game.Moves, copy.Moves);
        Assert.Equal(game.BoardHash, copy.BoardHash);
        Assert.Equal(game.Prisoners, copy.Prisoners);
        Assert.Equal(game.Rules, copy.Rules);
        Assert.Equal(game.Status, copy.Status);
        Assert.Equal("B", result.Info.BlackPlayer);
    }

    [Fact]
    public void A_resigned_game_imports_as_resigned()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        game.Stones((4, 4));
        game.MustDo(Resign, White);

        var copy = Sgf.Import(Sgf.Export(game));

        Assert.Equal(new GameResult(ResultType.Resignation, Black), copy.Game!.Result);
        Assert.Equal("B+R", copy.DeclaredResult);
    }

    [Fact]
    public void Import_follows_the_main_line_and_ignores_variations()
    {
        var result = Sgf.Import("(;GM[1]FF[4]SZ[9]KM[5.5];B[ee](;W[cc];B[gg](;W[cg])(;W[gc]))(;W[dd]))");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(
            [new Move(Black, new Point(4, 4)), new Move(White, new Point(2, 2)), new Move(Black, new Point(6, 6)), new Move(White, new Point(6, 2))],
            result.Game!.Moves);
        Assert.Equal(5.5, result.Game.Rules.Komi);
    }

    [Fact]
    public void Import_reads_escapes_old_style_identifiers_passes_and_defaults()
    {
        var result = Sgf.Import("junk before (;FF[3]PlayerBlack[A \\] b]SZ[19];B[pd];W[tt];B[])");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("A ] b", result.Info.BlackPlayer);
        Assert.Equal(19, result.Game!.Size);
        Assert.Equal(Ruleset.Japanese(0), result.Game.Rules);
        Assert.Equal([new Move(Black, new Point(3, 15)), new Move(White, null), new Move(Black, null)], result.Game.Moves);
        Assert.Equal(GameStatus.Endgame, result.Game.Status);
    }

    [Fact]
    public void Import_accepts_a_standard_handicap_in_any_order()
    {
        var result = Sgf.Import("(;SZ[9]HA[2]AB[gc][cg]KM[0.5];W[ee])");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, result.Game!.Rules.Handicap);
        Assert.Equal(Stone.Black, result.Game.View()[new Point(2, 6)].Stone);
    }

    [Theory]
    [InlineData("", "No game tree found")]
    [InlineData("(;SZ[9];B[ee]", "ends inside a game tree")]
    [InlineData("(;SZ[9];B[ee)", "not closed")]
    [InlineData("(;SZ[9];B[ee]1)", "unexpected character '1'")]
    [InlineData("(;SZ[9];B[ee]x[cc])", "needs at least one capital letter")]
    [InlineData("(;SZ[9];B)", "has no value")]
    [InlineData("()", "empty game tree")]
    [InlineData("(;GM[6])", "not a game of Go")]
    [InlineData("(;SZ[30])", "Unsupported board size SZ[30]")]
    [InlineData("(;SZ[9:13])", "Unsupported board size SZ[9:13]")]
    [InlineData("(;SZ[9]KM[six])", "KM[six] is not a number")]
    [InlineData("(;SZ[9]AW[aa])", "white stones")]
    [InlineData("(;SZ[9]AB[aa][bb])", "not a standard handicap")]
    [InlineData("(;SZ[9]HA[3]AB[gc][cg])", "HA[3] does not match")]
    [InlineData("(;SZ[9]HA[2])", "without its stones")]
    [InlineData("(;SZ[9];B[ee];B[cc])", "Move 2 (B[cc]) is black's, but it is white's turn")]
    [InlineData("(;SZ[9];B[ee];W[ee])", "Move 2 (W[ee]) cannot be played: Occupied { Point = (4, 4) }.")]
    [InlineData("(;SZ[9];B[zz])", "off the 9x9 board")]
    [InlineData("(;SZ[9];B[e])", "not an SGF point")]
    [InlineData("(;SZ[9];B[ee]W[cc])", "both a black and a white move")]
    [InlineData("(;SZ[9];B[ee];AB[cc])", "Node 3 adds or removes stones")]
    [InlineData("(;SZ[9]PL[W];B[ee])", "gives the first move to white")]
    public void Malformed_or_unsupported_files_give_a_clear_error(string text, string expected)
    {
        var result = Sgf.Import(text);

        Assert.False(result.Succeeded);
        Assert.Null(result.Game);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_variations_do_not_exhaust_the_stack()
    {
        var text = "(;SZ[9];B[ee]" + string.Concat(Enumerable.Repeat("(;W[aa]", 200_000)) + string.Concat(Enumerable.Repeat(")", 200_000)) + ")";

        var result = Sgf.Import(text);

        Assert.False(result.Succeeded); // the main line goes on with white at (0, 0) twice
        Assert.Contains("Move 3", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Mangled_files_never_throw()
    {
        var game = RandomGame(9, Ruleset.Japanese(), seed: 31, moves: 60);
        var text = Sgf.Export(game);
        var random = new Random(32);
        const string alphabet = "()[];\\:ABWabtz19 \n";

        for (var i = 0; i < 3000; i++)
        {
            var chars = text.ToCharArray();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            }

            var mangled = new string(chars, 0, random.Next(chars.Length / 2, chars.Length + 1));
            var result = Sgf.Import(mangled);

            Assert.True(result.Succeeded ^ (result.Error is not null), mangled);
        }
    }

    internal static Game RandomGame(int size, Ruleset rules, int seed, int moves)
    {
        var game = Game.Create(size, rules);
        var random = new Random(seed);
        for (var i = 0; i < moves && game.Status == GameStatus.Play; i++)
        {
            var legal = game.LegalMoves().Where(p => !game.CopyBoard().IsEye(p, game.Turn)).ToArray();
            if (legal.Length == 0 || random.Next(30) == 0)
            {
                game.MustDo(Pass, game.Turn);
            }
            else
            {
                game.MustDo(PlaceStone, game.Turn, legal[random.Next(legal.Length)]);
            }
        }

        return game;
    }
}
