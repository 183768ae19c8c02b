namespace Igo.Domain;

/// <summary>The descriptive game-info properties Igo reads and writes (PB, PW, DT, GN); all optional.</summary>
public sealed record SgfGameInfo(string? BlackPlayer = null, string? WhitePlayer = null, string? Date = null, string? GameName = null);

/// <summary>
/// The outcome of reading an SGF file: either a <see cref="Game"/> (the main line replayed under our rules) or an
/// <see cref="Error"/> that says what is wrong, never both.
/// </summary>
public sealed record SgfImportResult
{
    private SgfImportResult(Game? game, string? error, SgfGameInfo info, string? declaredResult)
    {
        Game = game;
        Error = error;
        Info = info;
        DeclaredResult = declaredResult;
    }

    public Game? Game { get; }

    public string? Error { get; }

    public SgfGameInfo Info { get; }

    /// <summary>The file's RE value as written ("W+3.5", "B+R", "0"...). Only a resignation is applied to the game.</summary>
    public string? DeclaredResult { get; }

    public bool Succeeded => Game is not null;

    internal static SgfImportResult Success(Game game, SgfGameInfo info, string? declaredResult) => new(game, null, info, declaredResult);

    internal static SgfImportResult Failure(string error) => new(null, error, new SgfGameInfo(), null);
}
