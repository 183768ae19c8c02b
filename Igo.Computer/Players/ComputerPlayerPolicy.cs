using Igo.Domain;

namespace Igo.Computer.Players;

/// <summary>
/// What one computer player does next in one game, from the game as it stands. Keeps the little it must remember
/// between actions (moves just refused, the groups it marked in this scoring phase) so that
/// it never repeats an action that cannot succeed. The policy, in full:
/// <list type="bullet">
/// <item>In play, on its turn: the brain's move; a move the game refuses is excluded and the brain asked again; after
/// <see cref="MaxRefusedMoves"/> refusals in one position, or when the brain offers a refused move again, it passes.</item>
/// <item>Resignation: late in the game, when the brain's estimate has it far behind on several turns in a row
/// (<see cref="ResignationRule"/>).</item>
/// <item>In the scoring phase (the shared board): it marks dead every group its judgement calls dead and alive again
/// every marked group it calls alive, each group once per phase (no tug of war with the opponent), then accepts the count
/// of the marking as it stands: the opponent has the last word on a group it marked back.</item>
/// <item>Mark-dead requests: accepted when the chain is the requester's own (conceded stones) or its judgement calls it dead.</item>
/// <item>Draw offers: accepted when its judgement says it is behind. Undo requests: always accepted.</item>
/// </list>
/// Not thread-safe: one player's decisions are made one at a time.
/// </summary>
/// <param name="mayResign">False plays every game out to the count (self-play and tests of the endgame).</param>
public sealed class ComputerPlayerPolicy(IComputerBrain brain, Color color, bool mayResign = true)
{
    public const int MaxRefusedMoves = 3;

    private readonly HashSet<Point> refusedMoves = [];
    private readonly ResignationRule resignation = new();
    private readonly HashSet<(Point Point, bool Dead)> markedThisPhase = [];
    private int refusedAtVersion = -1;
    private int refusals;
    private (ulong Fingerprint, PositionJudgement Judgement)? lastJudgement;

    public Color Color => color;

    public IComputerBrain Brain => brain;

    /// <summary>The next action, or null when there is nothing for this player to do now (not its turn, waiting for an answer, game over).</summary>
    public Task<ComputerIntent?> DecideAsync(GameView view, CancellationToken cancellationToken = default) => DecideAsync(view, null, cancellationToken);

    /// <summary>
    /// As <see cref="DecideAsync(GameView, CancellationToken)"/>; a move is thought about for at most
    /// <paramref name="thinkingBudget"/> when one is given (a timed game, <see cref="ThinkingBudget"/>).
    /// </summary>
    public async Task<ComputerIntent?> DecideAsync(GameView view, TimeSpan? thinkingBudget, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Version != refusedAtVersion)
        {
            refusedMoves.Clear();
            refusals = 0;
        }

        if (view.Scoring is null)
        {
            markedThisPhase.Clear();
        }

        return view.Status switch
        {
            GameStatus.Play when view.Turn == color => await MoveAsync(view, thinkingBudget, cancellationToken),
            GameStatus.Endgame or GameStatus.RequestPending when view.Scoring is { } scoring && view.PendingRequest is null or { Type: RequestType.TallyScore } =>
                await ScoreAsync(view, scoring, cancellationToken),
            GameStatus.RequestPending when view.PendingRequest is { } request && request.Initiator != color => await AnswerAsync(view, request, cancellationToken),
            _ => null,
        };
    }

    /// <summary>Tells the policy the game refused <paramref name="intent"/> at <paramref name="view"/>, so the next decision avoids it.</summary>
    public void Refused(GameView view, ComputerIntent intent)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(intent);
        if (intent is { Type: ActionType.PlaceStone, Point: { } point })
        {
            if (view.Version != refusedAtVersion)
            {
                refusedMoves.Clear();
                refusals = 0;
                refusedAtVersion = view.Version;
            }

            refusedMoves.Add(point);
            refusals++;
        }
    }

    private async Task<ComputerIntent> MoveAsync(GameView view, TimeSpan? thinkingBudget, CancellationToken cancellationToken)
    {
        if (refusals >= MaxRefusedMoves)
        {
            return ComputerIntent.Pass;
        }

        var position = ComputerPosition.FromView(view) with { ThinkingBudget = thinkingBudget };
        if (mayResign && ResignationRule.Applies(view.Size, view.MoveNumber))
        {
            var lead = await brain.EstimateBlackLeadAsync(position, cancellationToken);
            if (resignation.ShouldResign(view.Size, view.MoveNumber, color == Color.Black ? lead : -lead))
            {
                return new ComputerIntent(ActionType.Resign);
            }
        }

        var move = await brain.ChooseMoveAsync(position, refusedMoves, cancellationToken);

        // A brain that offers a move just refused again is not listening: pass rather than ask it once more.
        return move is { } point && !refusedMoves.Contains(point) ? new ComputerIntent(ActionType.PlaceStone, point) : ComputerIntent.Pass;
    }

    private async Task<ComputerIntent?> ScoreAsync(GameView view, ScoringView scoring, CancellationToken cancellationToken)
    {
        if (scoring.Accepted == color)
        {
            return null;
        }

        var position = ComputerPosition.FromView(view);
        var board = position.ToBoard();
        var judgement = await JudgeAsync(position, cancellationToken);

        // What marking its judgement's dead stones make, one click a group, as the shared board marks them.
        var wanted = judgement.DeadStones.SelectMany(stone => DeadMarking.GroupAt(board, stone)).ToHashSet();
        var marked = scoring.Marking.Dead;
        var change = wanted.Where(stone => !marked.Contains(stone)).Select(stone => (Stone: stone, Dead: true))
            .Concat(marked.Where(stone => !wanted.Contains(stone)).Select(stone => (Stone: stone, Dead: false)))
            .Where(mark => !markedThisPhase.Contains(mark))
            .OrderBy(mark => (mark.Stone.Row, mark.Stone.Col))
            .Select(mark => ((Point Stone, bool Dead)?)mark)
            .FirstOrDefault();
        if (change is { } mark)
        {
            foreach (var stone in DeadMarking.GroupAt(board, mark.Stone))
            {
                markedThisPhase.Add((stone, mark.Dead));
            }

            return new ComputerIntent(mark.Dead ? ActionType.MarkGroupDead : ActionType.MarkGroupAlive, mark.Stone);
        }

        return ComputerIntent.AcceptCount(scoring.Marking.Version, answering: scoring.Accepted == color.Opponent());
    }

    private async Task<ComputerIntent> AnswerAsync(GameView view, PendingRequest request, CancellationToken cancellationToken)
    {
        var accept = request.Type switch
        {
            RequestType.Undo => true,
            RequestType.MarkDead => await AcceptMarkAsync(view, request, cancellationToken),
            RequestType.Draw => (await JudgeAsync(ComputerPosition.FromView(view), cancellationToken)).LeadOf(color) < 0,
            _ => false,
        };
        return new ComputerIntent(accept ? ActionType.Accept : ActionType.Reject);
    }

    private async Task<bool> AcceptMarkAsync(GameView view, PendingRequest request, CancellationToken cancellationToken)
    {
        var marked = Enumerable.Range(0, view.Points.Count).Where(i => view.Points[i].MarkedDead).Select(i => new Point(i / view.Size, i % view.Size)).ToList();
        if (marked.Count == 0)
        {
            return false;
        }

        if (view[marked[0]].Stone == request.Initiator.ToStone())
        {
            return true;
        }

        var judgement = await JudgeAsync(ComputerPosition.FromView(view), cancellationToken);
        return marked.All(judgement.IsDead);
    }

    private async Task<PositionJudgement> JudgeAsync(ComputerPosition position, CancellationToken cancellationToken)
    {
        var fingerprint = Fingerprint(position);
        if (lastJudgement is { } cached && cached.Fingerprint == fingerprint)
        {
            return cached.Judgement;
        }

        var judgement = await brain.JudgeAsync(position, cancellationToken);
        lastJudgement = (fingerprint, judgement);
        return judgement;
    }

    // The stones and the prisoners: what a judgement and a count depend on.
    private static ulong Fingerprint(ComputerPosition position) =>
        position.ToBoard().Hash ^ ((ulong)position.Prisoners.Black * 0x9E3779B97F4A7C15UL) ^ ((ulong)position.Prisoners.White * 0xC2B2AE3D27D4EB4FUL);
}
