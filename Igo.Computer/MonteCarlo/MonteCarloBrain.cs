using System.Diagnostics;
using Igo.Domain;

namespace Igo.Computer.MonteCarlo;

/// <summary>
/// The built-in player: Monte-Carlo tree search on our own <see cref="Board"/>, one search per thread from the same
/// position (root parallelism: no locks, and deterministic for a playout budget and a seed), root statistics added up.
/// It passes when it has no move that does not fill its own eye, when passing does as well as its best move by the
/// search (nothing left to gain: as often a win, as many points), or, after the opponent's pass, when passing is what
/// the search prefers or it leads by its own count. Dead stones come from playout ownership. In a timed game it stops
/// searching when the clock's budget for the move is spent (<see cref="ComputerPosition.ThinkingBudget"/>).
/// </summary>
public sealed class MonteCarloBrain(MonteCarloSettings settings, string name = "Built-in Monte-Carlo player") : IComputerBrain
{
    private const int PassTrustedAfter = 50;
    private const double WinRateMargin = 0.02;
    private const double PointsMargin = 0.5;

    private readonly MonteCarloSettings settings = settings.Validate();

    public string Name => name;

    public MonteCarloSettings Settings => settings;

    public async Task<Point?> ChooseMoveAsync(ComputerPosition position, IReadOnlySet<Point> excluded, CancellationToken cancellationToken = default)
    {
        var analysis = await AnalyzeAsync(position, excluded, cancellationToken);
        return analysis.Move;
    }

    public async Task<MoveAnalysis> AnalyzeAsync(ComputerPosition position, IReadOnlySet<Point> excluded, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(excluded);
        var seed = settings.Seed ?? Random.Shared.Next();
        var perThread = settings.Playouts is { } playouts ? (playouts + settings.Threads - 1) / settings.Threads : int.MaxValue;
        var deadline = ThinkingTime(position) is { } time ? Stopwatch.GetTimestamp() + (long)(time.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        var searches = await OnSearchThreadsAsync(thread =>
        {
            var search = new MctsSearch(position, excluded, unchecked(seed + (thread * 7919)), settings.Tactics);
            search.Run(perThread, deadline, cancellationToken);
            return search;
        });
        cancellationToken.ThrowIfCancellationRequested();
        return Decide(position, searches);
    }

    public async Task<PositionJudgement> JudgeAsync(ComputerPosition position, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(position);
        var seed = settings.Seed ?? Random.Shared.Next();
        var perThread = (settings.JudgePlayouts + settings.Threads - 1) / settings.Threads;
        var sums = await OnSearchThreadsAsync(thread => PlayOut(position, perThread, unchecked(seed + (thread * 104729)), settings.Tactics, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        var ownership = Average(sums.Select(s => (s.Ownership, s.Playouts)).ToList(), position.Stones.Count);
        var dead = OwnershipJudge.DeadStones(position, ownership);
        return new PositionJudgement(dead, ScoreEstimator.BlackLead(position, dead, ownership), name, ownership);
    }

    /// <summary>The level's time, or the clock's budget for this move when that is shorter (a playout budget still ends it sooner).</summary>
    private TimeSpan? ThinkingTime(ComputerPosition position) =>
        (settings.Time, position.ThinkingBudget) switch
        {
            ({ } level, { } budget) => level < budget ? level : budget,
            (var level, var budget) => level ?? budget,
        };

    private static (double[] Ownership, int Playouts) PlayOut(ComputerPosition position, int playouts, int seed, bool tactics, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var start = position.ToBoard();
        var board = start.Clone();
        var cells = position.Stones.Count;
        var ownership = new double[cells];
        var owners = new sbyte[cells];
        var firstMover = new byte[cells];
        var playout = new Playout(position.Size, tactics);
        var done = 0;
        for (; done < playouts && !cancellationToken.IsCancellationRequested; done++)
        {
            board.CopyFrom(start);

            // Either side may move first at the end of a game: alternate so neither gets a free move.
            var first = (done & 1) == 0 ? position.ToMove : position.ToMove.Opponent();
            playout.Run(board, first, random, position.Rules.Komi, firstMover, owners);
            for (var i = 0; i < cells; i++)
            {
                ownership[i] += owners[i];
            }
        }

        return (ownership, done);
    }

    private static MoveAnalysis Decide(ComputerPosition position, IReadOnlyList<MctsSearch> searches)
    {
        var totals = new Dictionary<int, (int Visits, double Wins, double Points)>();
        foreach (var search in searches)
        {
            foreach (var child in search.Root.Children ?? [])
            {
                var total = totals.GetValueOrDefault(child.Move);
                totals[child.Move] = (total.Visits + child.Visits, total.Wins + child.Wins, total.Points + child.PointsSum);
            }
        }

        var candidates = totals
            .Select(pair => new CandidateMove(
                pair.Key == MctsNode.PassMove ? null : position.PointAt(pair.Key),
                pair.Value.Visits,
                pair.Value.Visits > 0 ? pair.Value.Wins / pair.Value.Visits : 0,
                pair.Value.Visits > 0 ? pair.Value.Points / pair.Value.Visits : 0))
            .OrderByDescending(candidate => candidate.Visits)
            .ThenBy(candidate => candidate.Point is null ? 1 : 0)
            .ToList();
        var playouts = searches.Sum(search => search.Playouts);
        var ownership = Average(searches.Select(s => (s.Ownership, s.Playouts)).ToList(), position.Stones.Count);
        var blackLead = playouts > 0 ? searches.Sum(search => search.BlackLeadSum) / playouts : 0;

        var best = candidates.FirstOrDefault(candidate => candidate.Point is not null);
        var pass = candidates.FirstOrDefault(candidate => candidate.Point is null);
        Point? move = best?.Point;
        if (best is not null && pass is not null && (NothingToGain(best, pass, playouts, position) || (position.OpponentPassed && (pass.Visits >= best.Visits || LeadsByCount(position, ownership)))))
        {
            move = null;
        }

        return new MoveAnalysis(move, candidates, playouts, blackLead, ownership);
    }

    // Nothing is left to gain when passing does as well as the best move: as often a win and as many points. The pass
    // must have been searched enough to be trusted (the search gives little time to a pass that loses points), and
    // while most of the board is empty the game is not near its end whatever noisy playouts say.
    private static bool NothingToGain(CandidateMove best, CandidateMove pass, int playouts, ComputerPosition position) =>
        pass.Visits >= Math.Max(PassTrustedAfter, playouts / 20)
        && position.Stones.Count(stone => stone == Stone.Empty) * 2 <= position.Stones.Count
        && pass.WinRate >= best.WinRate - WinRateMargin
        && pass.MeanPoints >= best.MeanPoints - PointsMargin;

    private static bool LeadsByCount(ComputerPosition position, IReadOnlyList<double> ownership)
    {
        var dead = OwnershipJudge.DeadStones(position, ownership);
        var blackLead = ScoreEstimator.BlackLead(position, dead, ownership);
        return position.ToMove == Color.Black ? blackLead > 0 : blackLead < 0;
    }

    private static double[] Average(IReadOnlyList<(double[] Sums, int Playouts)> parts, int cells)
    {
        var average = new double[cells];
        var playouts = parts.Sum(part => part.Playouts);
        if (playouts == 0)
        {
            return average;
        }

        foreach (var (sums, _) in parts)
        {
            for (var i = 0; i < cells; i++)
            {
                average[i] += sums[i];
            }
        }

        for (var i = 0; i < cells; i++)
        {
            average[i] /= playouts;
        }

        return average;
    }

    // Searches run on dedicated threads so that seconds of computation never hold thread-pool threads that requests need.
    private async Task<T[]> OnSearchThreadsAsync<T>(Func<int, T> work)
    {
        var tasks = new Task<T>[settings.Threads];
        for (var thread = 0; thread < tasks.Length; thread++)
        {
            var index = thread;
            // LongRunning: a thread of its own, which ends with the search, so its scheduling policy dies with it.
            tasks[thread] = Task.Factory.StartNew(
                () =>
                {
                    if (settings.OnIdleCpuOnly)
                    {
                        LinuxIdleScheduling.TryApplyToCurrentThread();
                    }

                    return work(index);
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        return await Task.WhenAll(tasks);
    }
}
