namespace Igo.Domain;

/// <summary>
/// The game-info properties Igo reads and writes besides the rules: PB, PW, DT, GN and the time control (TM/OT); all
/// optional. An untimed game has no <see cref="TimeControl"/> (null, or <see cref="Domain.TimeControl.None"/> on export).
/// </summary>
public sealed record SgfGameInfo(string? BlackPlayer = null, string? WhitePlayer = null, string? Date = null, string? GameName = null, TimeControl? TimeControl = null);

/// <summary>
/// The outcome of reading an SGF file: either a <see cref="Game"/> (the main line replayed under our rules) or an
/// <see cref="Error"/> that says what is wrong, never both.
/// </summary>
public sealed record SgfImportResult
{
    private SgfImportResult(Game? game, string? error, SgfGameInfo info, string? declaredResult, IReadOnlyList<ClockReading?> moveClocks)
    {
        Game = game;
        Error = error;
        Info = info;
        DeclaredResult = declaredResult;
        DeclaredGameResult = SgfResult.Read(declaredResult);
        MoveClocks = moveClocks;
    }

    public Game? Game { get; }

    public string? Error { get; }

    public SgfGameInfo Info { get; }

    /// <summary>The file's RE value as written ("W+3.5", "B+R", "0"...). Only a resignation is applied to the game.</summary>
    public string? DeclaredResult { get; }

    /// <summary>
    /// What <see cref="DeclaredResult"/> says, with its kind (score, resignation, time, forfeit, draw); null when there is
    /// none or it is not understood ("Void", "?"). The game itself ends only by resignation on import.
    /// </summary>
    public GameResult? DeclaredGameResult { get; }

    /// <summary>
    /// The mover's clock after each move of <see cref="Game"/>'s <see cref="Game.Moves"/>, as the file records it (BL/OB,
    /// WL/OW); null for a move without one, and all null when the file has no time control Igo knows. Empty on failure.
    /// </summary>
    public IReadOnlyList<ClockReading?> MoveClocks { get; }

    public bool Succeeded => Game is not null;

    internal static SgfImportResult Success(Game game, SgfGameInfo info, string? declaredResult, IReadOnlyList<ClockReading?> moveClocks) =>
        new(game, null, info, declaredResult, moveClocks);

    internal static SgfImportResult Failure(string error) => new(null, error, new SgfGameInfo(), null, []);
}
