using Igo.Computer;
using Igo.Computer.Gtp;
using Igo.Computer.MonteCarlo;
using Igo.Computer.Players;
using Igo.Domain;
using Microsoft.Extensions.Logging.Abstractions;

namespace Igo.Tests.Computer;

[Trait("Category", "Ai")]
public sealed class ComputerPlayerPolicyTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_three_refused_moves_in_one_position_it_passes()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        Play(game, Color.Black, 0, 0);
        Play(game, Color.White, 0, 1);
        Play(game, Color.Black, 0, 2);
        Play(game, Color.White, 0, 3);
        var brain = new ScriptedBrain([new(0, 0), new(0, 1), new(0, 2), new(0, 3)]);
        var policy = new ComputerPlayerPolicy(brain, Color.Black);
        var view = game.View();

        var intents = new List<ComputerIntent>();
        for (var i = 0; i < 4; i++)
        {
            var intent = (await policy.DecideAsync(view, Token))!;
            intents.Add(intent);
            policy.Refused(view, intent);
        }

        Assert.Equal([new(ActionType.PlaceStone, new(0, 0)), new(ActionType.PlaceStone, new(0, 1)), new(ActionType.PlaceStone, new(0, 2)), ComputerIntent.Pass], intents);
        Assert.Equal([new HashSet<Point>(), new HashSet<Point> { new(0, 0) }, new HashSet<Point> { new(0, 0), new(0, 1) }], brain.ExclusionsSeen);
    }

    [Fact]
    public async Task It_waits_when_it_is_not_its_turn_or_its_own_request_is_pending()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        var policy = new ComputerPlayerPolicy(new ScriptedBrain([new(4, 4)]), Color.White);

        Assert.Null(await policy.DecideAsync(game.View(), Token));
        Play(game, Color.Black, 2, 2);
        Assert.True(game.Apply(new GameAction(ActionType.RequestDraw, Color.White, null, DateTimeOffset.UnixEpoch)).Accepted);
        Assert.Null(await policy.DecideAsync(game.View(), Token));
    }

    [Fact]
    public async Task It_accepts_undo_requests()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        Play(game, Color.Black, 2, 2);
        Play(game, Color.White, 6, 6);
        Assert.True(game.Apply(new GameAction(ActionType.RequestUndo, Color.Black, null, DateTimeOffset.UnixEpoch)).Accepted);

        var answer = await new ComputerPlayerPolicy(new ScriptedBrain([], blackLead: -10), Color.White).DecideAsync(game.View(), Token);

        Assert.Equal(ActionType.Accept, answer!.Type);
    }

    [Fact]
    public async Task It_accepts_a_draw_offer_only_when_its_judgement_says_it_is_behind()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        Play(game, Color.Black, 2, 2);
        Play(game, Color.White, 6, 6);
        Play(game, Color.Black, 2, 6);
        Assert.True(game.Apply(new GameAction(ActionType.RequestDraw, Color.White, null, DateTimeOffset.UnixEpoch)).Accepted);

        var whenAhead = await new ComputerPlayerPolicy(new ScriptedBrain([], blackLead: 5), Color.Black).DecideAsync(game.View(), Token);
        var whenBehind = await new ComputerPlayerPolicy(new ScriptedBrain([], blackLead: -5), Color.Black).DecideAsync(game.View(), Token);

        Assert.Equal(ActionType.Reject, whenAhead!.Type);
        Assert.Equal(ActionType.Accept, whenBehind!.Type);
    }

    [Fact]
    public async Task In_the_scoring_phase_it_marks_the_groups_it_judges_dead_then_accepts_the_count_it_saw()
    {
        var game = EndgameWithDeadStones(out var deadWhite, out var deadBlack);
        var policy = new ComputerPlayerPolicy(new ScriptedBrain([], dead: [deadWhite, deadBlack]), Color.Black);

        var first = await policy.DecideAsync(game.View(), Token);
        Assert.Equal(new ComputerIntent(ActionType.MarkGroupDead, deadWhite), first);
        Assert.True(game.Apply(new GameAction(ActionType.MarkGroupDead, Color.Black, deadWhite, DateTimeOffset.UnixEpoch)).Accepted);

        var second = await policy.DecideAsync(game.View(), Token);
        Assert.Equal(new ComputerIntent(ActionType.MarkGroupDead, deadBlack), second);
        Assert.True(game.Apply(new GameAction(ActionType.MarkGroupDead, Color.Black, deadBlack, DateTimeOffset.UnixEpoch)).Accepted);

        var third = await policy.DecideAsync(game.View(), Token);
        Assert.Equal(ComputerIntent.AcceptCount(2, answering: false), third);
        Assert.True(game.Apply(new GameAction(ActionType.RequestTally, Color.Black, null, DateTimeOffset.UnixEpoch) { MarkingVersion = 2 }).Accepted);

        // Its acceptance waits for white's: nothing more to do.
        Assert.Null(await policy.DecideAsync(game.View(), Token));
    }

    [Fact]
    public async Task It_answers_the_opponents_acceptance_of_a_marking_it_agrees_with_and_corrects_one_it_does_not()
    {
        var game = EndgameWithDeadStones(out var deadWhite, out _);
        Assert.True(game.Apply(new GameAction(ActionType.MarkGroupDead, Color.White, deadWhite, DateTimeOffset.UnixEpoch)).Accepted);
        Assert.True(game.Apply(new GameAction(ActionType.RequestTally, Color.White, null, DateTimeOffset.UnixEpoch) { MarkingVersion = 1 }).Accepted);

        var agrees = await new ComputerPlayerPolicy(new ScriptedBrain([], dead: [deadWhite]), Color.Black).DecideAsync(game.View(), Token);
        Assert.Equal(ComputerIntent.AcceptCount(1, answering: true), agrees);

        var disagrees = await new ComputerPlayerPolicy(new ScriptedBrain([]), Color.Black).DecideAsync(game.View(), Token);
        Assert.Equal(new ComputerIntent(ActionType.MarkGroupAlive, deadWhite), disagrees);
    }

    [Fact]
    public async Task A_group_the_opponent_marked_back_is_not_marked_again_and_the_count_is_accepted()
    {
        var game = EndgameWithDeadStones(out var deadWhite, out _);
        var policy = new ComputerPlayerPolicy(new ScriptedBrain([], dead: [deadWhite]), Color.Black);

        Assert.Equal(new ComputerIntent(ActionType.MarkGroupDead, deadWhite), await policy.DecideAsync(game.View(), Token));
        Assert.True(game.Apply(new GameAction(ActionType.MarkGroupDead, Color.Black, deadWhite, DateTimeOffset.UnixEpoch)).Accepted);
        Assert.True(game.Apply(new GameAction(ActionType.MarkGroupAlive, Color.White, deadWhite, DateTimeOffset.UnixEpoch)).Accepted);

        Assert.Equal(ComputerIntent.AcceptCount(2, answering: false), await policy.DecideAsync(game.View(), Token));
    }

    [Fact]
    public async Task Mark_requests_of_the_original_protocol_are_accepted_for_conceded_or_dead_chains()
    {
        var game = EndgameWithDeadStones(out var deadWhite, out var deadBlack);
        var judgesBothDead = new ScriptedBrain([], dead: [deadWhite, deadBlack]);
        var judgesNoneDead = new ScriptedBrain([]);

        // White concedes its own stone: accepted whatever the judgement.
        Assert.True(game.Apply(new GameAction(ActionType.MarkDead, Color.White, deadWhite, DateTimeOffset.UnixEpoch)).Accepted);
        Assert.Equal(ActionType.Accept, (await new ComputerPlayerPolicy(judgesNoneDead, Color.Black).DecideAsync(game.View(), Token))!.Type);
        Assert.True(game.Apply(new GameAction(ActionType.Accept, Color.Black, null, DateTimeOffset.UnixEpoch)).Accepted);

        // White marks a black stone: accepted only if black's judgement agrees.
        Assert.True(game.Apply(new GameAction(ActionType.MarkDead, Color.White, deadBlack, DateTimeOffset.UnixEpoch)).Accepted);
        Assert.Equal(ActionType.Reject, (await new ComputerPlayerPolicy(judgesNoneDead, Color.Black).DecideAsync(game.View(), Token))!.Type);
        Assert.Equal(ActionType.Accept, (await new ComputerPlayerPolicy(judgesBothDead, Color.Black).DecideAsync(game.View(), Token))!.Type);
    }

    /// <summary>
    /// Move 50 of a 9x9 game, black to move: black has a two-eyed corner of two points, white walls across the rest of the
    /// board (about 48 points of territory and komi). Black is lost by some 50 points.
    /// </summary>
    private static readonly string[] BlackIsLost =
    [
        ".X.XO....",
        "XXXXO....",
        "OOOOO....",
        ".........",
        "OOOOOOOOO",
        ".........",
        "OOOOOOOOO",
        ".........",
        ".........",
    ];

    private static readonly MonteCarloSettings QuickSearch = new(Playouts: 300, Time: null, Threads: 1, Seed: 5, JudgePlayouts: 300);

    [Fact]
    public async Task The_built_in_player_resigns_a_lost_game_late_on_its_third_turn_far_behind()
    {
        var game = Positions.InPlayOf(BlackIsLost);
        Assert.True(ResignationRule.Applies(9, game.View().MoveNumber));
        var policy = new ComputerPlayerPolicy(new MonteCarloBrain(QuickSearch), Color.Black);

        var intents = await PlayTurnsAsync(game, policy, 3);

        Assert.DoesNotContain(intents.Take(2), intent => intent.Type == ActionType.Resign);
        Assert.Equal(ActionType.Resign, intents[2].Type);
        Assert.Equal(GameStatus.Complete, game.Status);
        Assert.Equal(Color.White, game.View().Result?.Winner);
    }

    [Fact]
    public async Task The_built_in_player_far_ahead_never_resigns()
    {
        var game = Positions.InPlayOf(BlackIsLost);
        var policy = new ComputerPlayerPolicy(new MonteCarloBrain(QuickSearch), Color.White);

        var intents = await PlayTurnsAsync(game, policy, 4);

        Assert.Equal(4, intents.Count);
        Assert.DoesNotContain(intents, intent => intent.Type == ActionType.Resign);
    }

    [Fact]
    public async Task Before_half_the_board_is_played_it_never_resigns_however_far_behind()
    {
        var game = Game.Create(9, Ruleset.Japanese());
        var policy = new ComputerPlayerPolicy(new ScriptedBrain([new(0, 0), new(0, 2), new(0, 4), new(0, 6), new(0, 8)], blackLead: -80), Color.Black);

        var intents = await PlayTurnsAsync(game, policy, 5);

        Assert.False(ResignationRule.Applies(9, game.View().MoveNumber));
        Assert.All(intents, intent => Assert.Equal(ActionType.PlaceStone, intent.Type));
    }

    [Fact]
    public void One_turn_within_the_margin_starts_the_count_again()
    {
        var rule = new ResignationRule();
        var margin = ResignationRule.Margin(9);
        var from = ResignationRule.FromMove(9);

        Assert.False(rule.ShouldResign(9, from, -margin - 1));
        Assert.False(rule.ShouldResign(9, from + 2, -margin - 1));
        Assert.False(rule.ShouldResign(9, from + 4, -margin + 1));
        Assert.False(rule.ShouldResign(9, from + 6, -margin - 1));
        Assert.False(rule.ShouldResign(9, from + 6, -margin - 1)); // the same turn again (a refused move) does not count twice
        Assert.False(rule.ShouldResign(9, from + 8, -margin - 1));
        Assert.True(rule.ShouldResign(9, from + 10, -margin - 1));
    }

    [Fact]
    public async Task GNU_Go_resigns_a_lost_game_by_its_own_score_estimate()
    {
        GnuGo.SkipUnlessInstalled();
        await using var pool = new GtpEnginePool("gnugo", GnuGo.CommandLine, 1, GtpTimeouts.Default, NullLogger.Instance);
        var brain = new GtpBrain("GNU Go", pool, 1, new MonteCarloBrain(QuickSearch), NullLogger<GtpBrain>.Instance);
        var game = Positions.InPlayOf(BlackIsLost);

        var estimate = await brain.EstimateBlackLeadAsync(ComputerPosition.FromView(game.View()), Token);
        var intents = await PlayTurnsAsync(game, new ComputerPlayerPolicy(brain, Color.Black), 3);

        Assert.True(estimate < -ResignationRule.Margin(9), $"GNU Go estimated black's lead at {estimate}");
        Assert.Equal(ActionType.Resign, intents[2].Type);
        Assert.DoesNotContain(intents.Take(2), intent => intent.Type == ActionType.Resign);
    }

    // Turns of the computer: its decision is applied, then its opponent places a stone on the first point, from the
    // bottom right, that is legal for it (never a pass, so the game stays in play whatever the computer does).
    private static async Task<List<ComputerIntent>> PlayTurnsAsync(Game game, ComputerPlayerPolicy policy, int turns)
    {
        var intents = new List<ComputerIntent>();
        for (var turn = 0; turn < turns && game.Status == GameStatus.Play; turn++)
        {
            if (game.Turn != policy.Color)
            {
                OpponentPlays(game);
            }

            var intent = (await policy.DecideAsync(game.View(), Token))!;
            intents.Add(intent);
            Assert.True(game.Apply(new GameAction(intent.Type, policy.Color, intent.Point, DateTimeOffset.UnixEpoch)).Accepted);
            if (game.Status == GameStatus.Play)
            {
                OpponentPlays(game);
            }
        }

        return intents;
    }

    private static void OpponentPlays(Game game)
    {
        var view = game.View();
        var point = Enumerable.Range(0, view.Size * view.Size).Reverse().Select(i => new Point(i / view.Size, i % view.Size)).First(view.IsLegalPlacement);
        Play(game, game.Turn, point.Row, point.Col);
    }

    // Black top, white bottom (as in the brain tests), a white stone in black's area and a black one in white's; both passed.
    private static Game EndgameWithDeadStones(out Point deadWhite, out Point deadBlack)
    {
        deadWhite = new Point(1, 6);
        deadBlack = new Point(7, 2);
        var game = Game.Create(9, Ruleset.Japanese());
        for (var col = 0; col < 9; col++)
        {
            Play(game, Color.Black, 4, col);
            Play(game, Color.White, 5, col);
        }

        Play(game, Color.Black, deadBlack.Row, deadBlack.Col);
        Play(game, Color.White, deadWhite.Row, deadWhite.Col);
        PassBoth(game);
        Assert.Equal(GameStatus.Endgame, game.Status);
        return game;
    }

    private static void PassBoth(Game game)
    {
        var turn = game.Turn;
        Assert.True(game.Apply(new GameAction(ActionType.Pass, turn, null, DateTimeOffset.UnixEpoch)).Accepted);
        Assert.True(game.Apply(new GameAction(ActionType.Pass, turn.Opponent(), null, DateTimeOffset.UnixEpoch)).Accepted);
    }

    private static void Play(Game game, Color color, int row, int col) =>
        Assert.True(game.Apply(new GameAction(ActionType.PlaceStone, color, new Point(row, col), DateTimeOffset.UnixEpoch)).Accepted);

    /// <summary>Moves from a script (whatever was excluded) and a fixed judgement: which points are dead and black's lead.</summary>
    private sealed class ScriptedBrain(IReadOnlyList<Point> moves, IReadOnlyList<Point>? dead = null, double blackLead = 0) : IComputerBrain
    {
        private int next;

        public List<HashSet<Point>> ExclusionsSeen { get; } = [];

        public string Name => "Scripted";

        public Task<Point?> ChooseMoveAsync(ComputerPosition position, IReadOnlySet<Point> excluded, CancellationToken cancellationToken = default)
        {
            ExclusionsSeen.Add([.. excluded]);
            return Task.FromResult<Point?>(moves[next++ % moves.Count]);
        }

        public Task<PositionJudgement> JudgeAsync(ComputerPosition position, CancellationToken cancellationToken = default) =>
            Task.FromResult(new PositionJudgement((dead ?? []).Where(point => position[point] != Stone.Empty).ToList(), blackLead, Name));
    }
}
