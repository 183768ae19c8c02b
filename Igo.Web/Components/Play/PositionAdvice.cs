using System.Globalization;
using Igo.Computer;
using Igo.Domain;

namespace Igo.Web.Components.Play;

/// <summary>A chain the engine thinks is dead: the point a player would click to propose it, its colour and its stones.</summary>
public sealed record SuggestedChain(Point Anchor, Color Color, IReadOnlyList<Point> Stones)
{
    /// <summary>"3 white stones at D4", "1 black stone at C7".</summary>
    public string Describe(int size) =>
        string.Create(CultureInfo.InvariantCulture, $"{Stones.Count} {Color.ToWord()} stone{(Stones.Count == 1 ? string.Empty : "s")} at {Anchor.ToLabel(size)}");
}

/// <summary>
/// What the engine said of one position, as the game page shows it: the chains it thinks are dead (endgame advice only)
/// and who leads by about how much. It holds for as long as no move is played (<see cref="AppliesTo"/>): accepted
/// dead-stone marks remove suggested chains but leave the move count, and the estimate already counted them as removed.
/// </summary>
public sealed record PositionAdvice(int MoveNumber, bool DeadStones, IReadOnlyList<SuggestedChain> Chains, double BlackLead, string JudgedBy)
{
    public static PositionAdvice ForEndgame(GameView view, PositionJudgement judgement)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(judgement);
        var board = ComputerPosition.FromView(view).ToBoard();
        var seen = new HashSet<Point>();
        var chains = new List<SuggestedChain>();
        foreach (var point in judgement.DeadStones)
        {
            if (seen.Add(point) && board.ChainAt(point) is { } chain)
            {
                seen.UnionWith(chain.Stones);
                var stones = chain.Stones.OrderBy(stone => stone.Row).ThenBy(stone => stone.Col).ToList();
                chains.Add(new SuggestedChain(stones[0], chain.Color, stones));
            }
        }

        return new PositionAdvice(view.MoveNumber, true, chains, judgement.BlackLead, judgement.JudgedBy);
    }

    public static PositionAdvice ForPlay(GameView view, PositionJudgement judgement)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(judgement);
        return new PositionAdvice(view.MoveNumber, false, [], judgement.BlackLead, judgement.JudgedBy);
    }

    /// <summary>"White leads by about 6.5"; "About even".</summary>
    public string Estimate
    {
        get
        {
            // Half points only: an estimate shown to a tenth of a point would claim a precision it does not have.
            var lead = Math.Round(Math.Abs(BlackLead) * 2, MidpointRounding.AwayFromZero) / 2;
            return lead < 0.5 ? "About even" : $"{(BlackLead > 0 ? "Black" : "White")} leads by about {lead.ToString("0.#", CultureInfo.InvariantCulture)}";
        }
    }

    /// <summary>Whether the advice still describes the game: no move played since, and the game not over.</summary>
    public bool AppliesTo(GameView view) => view is not null && view.MoveNumber == MoveNumber && view.Status != GameStatus.Complete;

    /// <summary>The suggested chains still on the board (those the players have not yet removed).</summary>
    public IReadOnlyList<SuggestedChain> Remaining(GameView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Chains.Where(chain => view[chain.Anchor] is { MarkedDead: false } point && point.Stone == chain.Color.ToStone()).ToList();
    }

    /// <summary>Every stone of the remaining suggested chains, for the board's markers.</summary>
    public IReadOnlySet<Point> SuggestedStones(GameView view) => Remaining(view).SelectMany(chain => chain.Stones).ToHashSet();
}
