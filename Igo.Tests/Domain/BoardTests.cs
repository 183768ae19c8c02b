using Igo.Domain;

namespace Igo.Tests.Domain;

[Trait("Category", "Domain")]
public sealed class BoardTests
{
    [Fact]
    public void A_new_board_is_empty_with_a_zero_hash()
    {
        var board = new Board(9);

        Assert.Equal(81, board.EmptyCount);
        Assert.Equal(0UL, board.Hash);
        Assert.All(board.EmptyPoints(), p => Assert.Equal(Stone.Empty, board[p]));
        Assert.Null(board.KoPoint);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(26)]
    public void Sizes_outside_2_to_25_are_refused(int size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Board(size));

    [Fact]
    public void Points_off_the_board_are_refused()
    {
        var board = new Board(5);

        Assert.False(board.IsLegal(new Point(5, 0), Color.Black));
        Assert.False(board.IsLegal(new Point(-1, 2), Color.Black));
        Assert.Throws<ArgumentOutOfRangeException>(() => board.Play(new Point(0, 5), Color.Black));
        Assert.Throws<ArgumentOutOfRangeException>(() => board[new Point(0, -1)]);
    }

    [Fact]
    public void A_chain_left_without_liberties_is_captured_and_its_points_become_liberties()
    {
        var board = Diagram.Board(
            ". X . .",
            "X O X .",
            ". . . .",
            ". . . .");

        var result = board.Play(new Point(2, 1), Color.Black);

        Assert.Equal(1, result.CapturedCount);
        Assert.Equal(Stone.Empty, board[new Point(1, 1)]);
        Assert.Equal([new Point(1, 1)], board.CapturedByLastMove());
        Assert.Equal(4, board.LibertiesAt(new Point(2, 1)));
        Assert.Equal(board.Hash, result.Hash);
        Assert.Equal(0, board.StoneCount(Color.White));
    }

    [Fact]
    public void Capture_is_resolved_before_the_suicide_check()
    {
        // Black at (0, 0) has no liberty of its own but takes white's last one.
        var board = Diagram.Board(
            ". O X .",
            "O X . .",
            ". . . .",
            ". . . .");

        Assert.False(board.IsSuicide(new Point(0, 0), Color.Black));
        var result = board.Play(new Point(0, 0), Color.Black);

        Assert.Equal(1, result.CapturedCount);
        Assert.Equal(Diagram.Text(
            "X . X .",
            "O X . .",
            ". . . .",
            ". . . ."), board.ToString());
    }

    [Fact]
    public void Single_stone_suicide_is_illegal()
    {
        var board = Diagram.Board(
            ". X .",
            "X . .",
            ". . .");

        Assert.True(board.IsSuicide(new Point(0, 0), Color.White));
        Assert.False(board.IsLegal(new Point(0, 0), Color.White));
        Assert.True(board.IsLegal(new Point(0, 0), Color.Black));
        Assert.Throws<InvalidOperationException>(() => board.Play(new Point(0, 0), Color.White));
    }

    [Fact]
    public void Multi_stone_suicide_is_illegal()
    {
        // White (0, 1) would join (0, 0) and (0, 2): the three stones would have no liberty.
        var board = Diagram.Board(
            "O . O X",
            "X X X .",
            ". . . .",
            ". . . .");

        Assert.True(board.IsSuicide(new Point(0, 1), Color.White));
        Assert.False(board.IsLegal(new Point(0, 1), Color.White));
    }

    [Fact]
    public void One_move_can_capture_two_chains()
    {
        var board = Diagram.Board(
            "O X . X O",
            "O X O X O",
            "O O . O O",
            ". . . . .",
            ". . . . .");

        var result = board.Play(new Point(0, 2), Color.White);

        Assert.Equal(4, result.CapturedCount);
        Assert.Equal(Diagram.Text(
            "O . O . O",
            "O . O . O",
            "O O . O O",
            ". . . . .",
            ". . . . ."), board.ToString());
        Assert.Equal(5, board.LibertiesAt(new Point(1, 2)));
    }

    [Fact]
    public void Snapback_recapture_is_legal_and_is_not_a_ko()
    {
        var board = Diagram.Board(
            "O X . . X O",
            "O X X X X O",
            ". O O O O .",
            ". . . . . .",
            ". . . . . .",
            ". . . . . .");

        board.Play(new Point(0, 2), Color.White); // the throw-in
        var blackTakes = board.Play(new Point(0, 3), Color.Black);
        Assert.Equal(1, blackTakes.CapturedCount);
        Assert.Null(board.KoPoint); // black's capturing stone joined a chain: retaking is no ko
        Assert.Equal(1, board.LibertiesAt(new Point(0, 3)));

        var snapback = board.Play(new Point(0, 2), Color.White);

        Assert.Equal(7, snapback.CapturedCount);
        Assert.Equal(0, board.StoneCount(Color.Black));
    }

    [Fact]
    public void Merging_chains_unites_their_liberties()
    {
        var board = Diagram.Board(
            ". . . . .",
            ". X . X .",
            ". . . . .",
            ". . . . .",
            ". . . . .");

        board.Play(new Point(1, 2), Color.Black);

        var chain = board.ChainAt(new Point(1, 1))!;
        Assert.Equal(Color.Black, chain.Color);
        Assert.Equal(3, chain.Stones.Count);
        Assert.Equal(8, chain.Liberties.Count);
        Assert.Equal(chain.Stones.ToHashSet(), board.ChainAt(new Point(1, 3))!.Stones.ToHashSet());
        Assert.Null(board.ChainAt(new Point(0, 0)));
    }

    [Fact]
    public void The_ko_point_bans_only_the_immediate_recapture()
    {
        var board = Diagram.Board(
            ". X O .",
            "X O . O",
            ". X O .",
            ". . . .");

        var take = board.Play(new Point(1, 2), Color.Black);

        Assert.Equal(1, take.CapturedCount);
        Assert.Equal(new Point(1, 1), board.KoPoint);
        board.Pass();
        Assert.Null(board.KoPoint);
    }

    [Fact]
    public void Capturing_two_stones_sets_no_ko_point()
    {
        var board = Diagram.Board(
            ". X X . .",
            "X O O . .",
            ". X X . .",
            ". . . . .",
            ". . . . .");

        Assert.Equal(2, board.Play(new Point(1, 3), Color.Black).CapturedCount);
        Assert.Null(board.KoPoint);
    }

    [Fact]
    public void HashAfter_predicts_the_hash_of_a_move_without_playing_it()
    {
        var board = Diagram.Board(
            ". X O .",
            "X O . O",
            ". X O .",
            ". . . .");
        var before = board.Hash;

        var predicted = board.HashAfter(new Point(1, 2), Color.Black);

        Assert.Equal(before, board.Hash);
        Assert.Equal(predicted, board.Play(new Point(1, 2), Color.Black).Hash);
    }

    [Fact]
    public void The_same_stones_hash_the_same_whatever_the_move_order()
    {
        var first = new Board(9);
        first.Play(new Point(2, 2), Color.Black);
        first.Play(new Point(6, 6), Color.White);
        var second = new Board(9);
        second.Play(new Point(6, 6), Color.White);
        second.Play(new Point(2, 2), Color.Black);

        Assert.Equal(first.Hash, second.Hash);
        Assert.NotEqual(0UL, first.Hash);
    }

    [Fact]
    public void Removing_a_dead_chain_frees_its_points_and_gives_liberties_back()
    {
        var board = Diagram.Board(
            "O O . .",
            "X X X .",
            ". . . .",
            ". . . .");

        Assert.Equal(2, board.RemoveChainAt(new Point(0, 0)));

        Assert.Equal(Stone.Empty, board[new Point(0, 1)]);
        Assert.Equal(Diagram.Board(
            ". . . .",
            "X X X .",
            ". . . .",
            ". . . .").Hash, board.Hash);
        Assert.Equal(7, board.LibertiesAt(new Point(1, 1)));
    }

    [Fact]
    public void A_clone_shares_no_state_and_CopyFrom_restores_exactly()
    {
        var board = new Board(9);
        board.Play(new Point(4, 4), Color.Black);
        var copy = board.Clone();
        copy.Play(new Point(4, 5), Color.White);

        Assert.Equal(Stone.Empty, board[new Point(4, 5)]);
        Assert.Equal(4, board.LibertiesAt(new Point(4, 4)));
        Assert.Equal(3, copy.LibertiesAt(new Point(4, 4)));

        copy.CopyFrom(board);
        Assert.Equal(board.Hash, copy.Hash);
        Assert.Equal(board.ToString(), copy.ToString());
        Assert.Equal(4, copy.LibertiesAt(new Point(4, 4)));
        Assert.Throws<ArgumentException>(() => new Board(13).CopyFrom(board));
    }

    [Fact]
    public void A_position_with_a_chain_without_liberty_cannot_be_set_up()
    {
        Assert.Throws<ArgumentException>(() => Diagram.Board(
            "O X .",
            "X . .",
            ". . ."));
    }

    [Fact]
    public void Eyes_are_points_surrounded_by_own_stones_with_enough_diagonals()
    {
        var board = Diagram.Board(
            ". X . X .",
            "X X X X X",
            "X . X O .",
            "X X O . .",
            ". . . . .");

        Assert.True(board.IsEye(new Point(0, 0), Color.Black)); // corner
        Assert.True(board.IsEye(new Point(0, 2), Color.Black)); // edge
        Assert.True(board.IsEye(new Point(2, 1), Color.Black)); // one opponent diagonal is tolerated inside
        Assert.False(board.IsEye(new Point(0, 0), Color.White));
        Assert.False(board.IsEye(new Point(4, 0), Color.Black));
        Assert.False(board.IsEye(new Point(1, 1), Color.Black)); // occupied
    }

    [Fact]
    public void Two_opponent_diagonals_make_a_false_eye()
    {
        var board = Diagram.Board(
            "X X O .",
            "X . X O",
            "X X O .",
            ". . . .");

        Assert.False(board.IsEye(new Point(1, 1), Color.Black));
    }

    [Fact]
    public void An_edge_point_with_one_opponent_diagonal_is_a_false_eye()
    {
        var board = Diagram.Board(
            "X . X O",
            ". X O .",
            ". . . .",
            ". . . .");

        Assert.False(board.IsEye(new Point(0, 1), Color.Black));
    }

    [Fact]
    public void Self_atari_is_a_move_left_with_one_liberty_that_captures_nothing()
    {
        var board = Diagram.Board(
            ". X O .",
            "X . X .",
            ". . . .",
            ". . . .");

        Assert.True(board.IsSelfAtari(new Point(1, 1), Color.White));
        Assert.False(board.IsSelfAtari(new Point(1, 1), Color.Black)); // joins chains with liberties to spare
        Assert.False(board.IsSelfAtari(new Point(2, 1), Color.White));

        var capturing = Diagram.Board(
            "O X O .",
            ". . X .",
            "X . . .",
            ". . . .");

        Assert.False(capturing.IsSelfAtari(new Point(1, 1), Color.White)); // one liberty left, but it captures the black stone in atari
        Assert.False(capturing.IsSelfAtari(new Point(1, 0), Color.Black)); // captures the white corner stone
    }

    [Fact]
    public void The_liberty_of_a_chain_in_atari_is_found_and_only_then()
    {
        var board = Diagram.Board(
            "O X O .",
            ". . X .",
            "X . . .",
            ". . . .");

        Assert.Equal(new Point(1, 1), board.LibertyInAtari(new Point(0, 1)));
        Assert.Equal(new Point(1, 0), board.LibertyInAtari(new Point(0, 0)));
        Assert.Null(board.LibertyInAtari(new Point(1, 2))); // three liberties
        Assert.Null(board.LibertyInAtari(new Point(3, 3))); // empty
    }

    [Fact]
    public void A_playout_count_gives_an_empty_point_to_the_one_colour_it_touches()
    {
        var board = Diagram.Board(
            ". X O .",
            "X X O O",
            ". X . O",
            "X X O .");
        var owners = new sbyte[16];

        var lead = board.CountPlayout(owners);

        // Black: 6 stones and 2 eyes; white: 5 stones and 2 eyes; (2, 2) touches both and counts for nobody.
        Assert.Equal(1, lead);
        Assert.Equal(new sbyte[] { 1, 1, -1, -1, 1, 1, -1, -1, 1, 1, 0, -1, 1, 1, -1, -1 }, owners);
    }

    [Fact]
    public void A_random_game_ends_when_neither_player_has_a_move_but_filling_an_eye_or_a_self_atari()
    {
        var board = new Board(9);
        var random = new Random(7);
        var color = Color.Black;
        var passes = 0;
        var placed = 0;
        while (passes < 2)
        {
            var before = board.Clone();
            if (board.PlayRandomMove(color, random) is { } point)
            {
                Assert.Equal(color.ToStone(), board[point]);
                Assert.False(before.IsEye(point, color), $"{color} filled its own eye at {point}:\n{before}");
                Assert.False(before.IsSelfAtari(point, color), $"{color} played a self-atari at {point}:\n{before}");
                passes = 0;
                placed++;
            }
            else
            {
                board.Pass();
                passes++;
            }

            color = color.Opponent();
        }

        var lastPasser = color.Opponent();
        Assert.InRange(placed, 40, 1000);
        Assert.All(board.EmptyPoints(), p => Assert.True(board.IsEye(p, lastPasser) || !board.IsLegal(p, lastPasser) || board.IsSelfAtari(p, lastPasser)));

        // On a finished playout the quick count agrees with the game's own flood-fill count.
        var tally = TerritoryCounter.Count(board);
        var areaLead = board.StoneCount(Color.Black) + tally.Territory.Black - board.StoneCount(Color.White) - tally.Territory.White;
        Assert.Equal(areaLead, board.CountPlayout(new sbyte[81]));
    }
}
