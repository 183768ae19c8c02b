using System.Globalization;
using Igo.Domain;

namespace Igo.Web.Components.Play;

/// <summary>The game put into words for the player: whose turn, what is happening, how it ended.</summary>
public static class GameNarrative
{
    public static string Status(GameView view, Color player)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Status switch
        {
            // A pass is as visible as a move: the turn comes back with it, and the banner says so.
            GameStatus.Play when view.Turn == player && view.LastPlay is { IsPass: true } pass => $"{pass.Player.ToTitle()} passed. Your move.",
            GameStatus.Play when view.Turn == player => "Your move.",
            GameStatus.Play when view.LastPlay is { IsPass: true } pass && pass.Player == player => $"You passed. Waiting for {view.Turn.ToTitle()} to move.",
            GameStatus.Play => $"Waiting for {view.Turn.ToTitle()} to move.",
            GameStatus.Endgame => "Both players passed. Click a group to mark it dead or alive, then accept the count.",
            GameStatus.RequestPending when view.PendingRequest is { } request && request.Initiator == player =>
                $"You asked to {Request(request, view)}. Waiting for {request.Initiator.Opponent().ToTitle()} to answer.",
            GameStatus.RequestPending when view.PendingRequest is { } request =>
                $"{request.Initiator.ToTitle()} asks to {Request(request, view)}.",
            GameStatus.Complete when view.Scoring is { } scoring => ScoreText.Line(scoring.Count, view.Rules, final: true) + ".",
            GameStatus.Complete when view.Result is { } result => Result(result, view.Score),
            _ => "The game is over.",
        };
    }

    /// <summary>The status as a spectator reads it: both sides by colour.</summary>
    public static string SpectatorStatus(GameView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Status switch
        {
            GameStatus.Play => $"{view.Turn.ToTitle()} to move.",
            GameStatus.Endgame => "Both players passed. They are marking dead stones and agreeing the count.",
            _ => Status(view, view.PendingRequest?.Initiator.Opponent() ?? view.Turn),
        };
    }

    /// <summary>What a request asks for, as the end of "Black asks to ...".</summary>
    public static string Request(PendingRequest request, GameView view)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(view);
        return request.Type switch
        {
            RequestType.Draw => "end the game as a draw",
            RequestType.TallyScore when view.Scoring is not null => "end the game with the count as marked",
            RequestType.TallyScore => "tally the score and end the game",
            RequestType.Undo => $"take back {TakenBack(view.LastMoveBy[request.Initiator], view.Size)}",
            RequestType.MarkDead => MarkDead(view),
            _ => "do something",
        };
    }

    public static string Result(GameResult result, PerColor<double>? score)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result switch
        {
            { Type: ResultType.Resignation, Winner: { } winner } => $"{winner.Opponent().ToTitle()} resigned. {winner.ToTitle()} wins.",
            { Type: ResultType.StandardWin, Winner: { } winner } when score is { } s =>
                $"{winner.ToTitle()} wins by {Points(Math.Abs(s.Black - s.White))} ({Scores(s)}).",
            { Type: ResultType.StandardWin, Winner: { } winner } => $"{winner.ToTitle()} wins.",
            { Type: ResultType.Time, Winner: { } winner } => $"{winner.ToTitle()} wins on time: {winner.Opponent().ToTitle()} ran out of time.",
            { Type: ResultType.Forfeit, Winner: { } winner } => $"{winner.ToTitle()} wins by forfeit: {winner.Opponent().ToTitle()} left the game.",
            { Type: ResultType.Draw } when score is { } s && s.Black == s.White => $"The game is a draw ({Scores(s)}).",
            _ => "The game is a draw by agreement.",
        };
    }

    /// <summary>The move an undo takes back, as the end of "take back ...": "their move at D4", "their pass".</summary>
    public static string TakenBack(Move? move, int size) => move switch
    {
        { Point: { } point } => $"their move at {point.ToLabel(size)}",
        { IsPass: true } => "their pass",
        _ => "their last move",
    };

    public static string Points(double value) => value == 1 ? "1 point" : $"{Number(value)} points";

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Scores(PerColor<double> score) => $"Black {Number(score.Black)}, White {Number(score.White)}";

    private static string MarkDead(GameView view)
    {
        var marked = view.Points.Where(p => p.MarkedDead && p.Stone != Stone.Empty).ToList();
        if (marked.Count == 0)
        {
            return "mark stones as dead";
        }

        var colour = marked[0].Stone.ToColor()!.Value.ToWord();
        return marked.Count == 1 ? $"mark 1 {colour} stone as dead" : $"mark {marked.Count} {colour} stones as dead";
    }
}
