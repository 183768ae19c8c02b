using Igo.Domain;

namespace Igo.Web.Components.Play;

/// <summary>
/// Turns the change between two committed views into one sentence for the ARIA live region ("White Q16, captures 2").
/// The views carry no action, so the change itself tells what happened: a new stone, a turn passed, a request
/// opened or answered, the game ended.
/// </summary>
public static class MoveAnnouncer
{
    public static string? Announce(GameView? previous, GameView next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (previous is null || previous.Version == next.Version)
        {
            return null;
        }

        if (next.Status == GameStatus.Complete && previous.Status != GameStatus.Complete)
        {
            var ending = next.Result is { } result ? GameNarrative.Result(result, next.Score) : "The game is over.";
            return Acceptance(previous) + ending;
        }

        if (Scoring(previous, next) is { } scored)
        {
            return scored;
        }

        if (next.PendingRequest is { } opened && previous.PendingRequest is null)
        {
            return $"{opened.Initiator.ToTitle()} asks to {GameNarrative.Request(opened, next)}.";
        }

        if (previous.PendingRequest is { } closed && next.PendingRequest is null)
        {
            return Answer(closed, previous, next);
        }

        if (Placement(previous, next) is { } placed)
        {
            var mover = previous.Turn;
            var captured = next.Prisoners[mover] - previous.Prisoners[mover];
            var label = placed.ToLabel(next.Size);
            return captured > 0 ? $"{mover.ToTitle()} {label}, captures {captured}" : $"{mover.ToTitle()} {label}";
        }

        if (previous.Status == GameStatus.Play && next.Turn != previous.Turn)
        {
            var passed = $"{previous.Turn.ToTitle()} passed";
            return next.Status == GameStatus.Endgame ? $"{passed}. Both players passed: the endgame begins." : passed;
        }

        return null;
    }

    // A change of the shared marking, or an acceptance of its count, with the count it gives now.
    private static string? Scoring(GameView previous, GameView next)
    {
        if (previous.Scoring is not { } before || next.Scoring is not { } after || next.Status == GameStatus.Complete)
        {
            return null;
        }

        var count = ScoreText.Margin(after.Count, final: false);
        if (after.Marking.Version != before.Marking.Version)
        {
            var withdrawn = before.Accepted is { } accepted ? $" {accepted.ToTitle()}'s acceptance is withdrawn." : string.Empty;
            return $"The marking changed: {after.Marking.Dead.Count} stones marked dead. {count}.{withdrawn}";
        }

        return after.Accepted is { } now && before.Accepted is null ? $"{now.ToTitle()} accepted the count. {count}." : null;
    }

    private static Point? Placement(GameView previous, GameView next) =>
        next.LastMove is { } point && point != previous.LastMove && point.IsOnBoard(next.Size)
            && next[point].Stone == previous.Turn.ToStone() && previous[point].Stone == Stone.Empty
            ? point
            : null;

    private static string Acceptance(GameView previous) =>
        previous.PendingRequest is { } request
            ? $"{request.Initiator.Opponent().ToTitle()} accepted. "
            : string.Empty;

    private static string Answer(PendingRequest request, GameView previous, GameView next)
    {
        var responder = request.Initiator.Opponent().ToTitle();
        var what = GameNarrative.Request(request, previous);
        var accepted = request.Type switch
        {
            // Accepted dead stones are removed and the endgame goes on; a rejection sends the players back to play.
            RequestType.MarkDead => next.Status == GameStatus.Endgame,
            RequestType.Undo => next.MoveNumber < previous.MoveNumber || !next.Points.SequenceEqual(previous.Points),
            _ => false,
        };
        var sentence = $"{responder} {(accepted ? "accepted" : "rejected")} the request to {what}.";
        return request.Type == RequestType.MarkDead && !accepted ? sentence + " Play resumes to settle it." : sentence;
    }
}
