namespace Igo.Domain;

/// <summary>
/// The RE property: "B+3.5" (a count), "W+R" (resignation), "B+T" (time), "W+F" (forfeit), "0" (draw). Reading also
/// takes the long forms other programs write ("B+Resign", "W+Time", "B+Forfeit", "Draw"), in any case.
/// </summary>
internal static class SgfResult
{
    public static string? Write(GameResult? result, PerColor<double>? score) => result switch
    {
        null => null,
        { Type: ResultType.Draw } => "0",
        { Winner: null } => null,
        { Type: ResultType.Resignation, Winner: { } winner } => $"{Letter(winner)}+R",
        { Type: ResultType.Time, Winner: { } winner } => $"{Letter(winner)}+T",
        { Type: ResultType.Forfeit, Winner: { } winner } => $"{Letter(winner)}+F",
        { Winner: { } winner } when score is { } s => $"{Letter(winner)}+{Sgf.Number(Math.Abs(s.Black - s.White))}",
        { Winner: { } winner } => $"{Letter(winner)}+",
    };

    /// <summary>The result a RE value declares; null for "Void", "?", or anything not understood.</summary>
    public static GameResult? Read(string? text)
    {
        var value = (text ?? string.Empty).Trim().ToUpperInvariant();
        if (value is "0" or "DRAW" or "JIGO")
        {
            return new GameResult(ResultType.Draw, null);
        }

        if (value.Length < 2 || value[1] != '+' || value[0] is not ('B' or 'W'))
        {
            return null;
        }

        var winner = value[0] == 'B' ? Color.Black : Color.White;
        ResultType? type = value[2..].Trim() switch
        {
            "R" or "RESIGN" => ResultType.Resignation,
            "T" or "TIME" => ResultType.Time,
            "F" or "FORFEIT" => ResultType.Forfeit,
            "" => ResultType.StandardWin,
            var margin when double.TryParse(margin, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var points) && double.IsFinite(points) =>
                ResultType.StandardWin,
            _ => null,
        };
        return type is { } kind ? new GameResult(kind, winner) : null;
    }

    private static char Letter(Color color) => color == Color.Black ? 'B' : 'W';
}
