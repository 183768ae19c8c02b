namespace Igo.Domain;

/// <summary>Everything a game is at one moment; the action handlers read it, decide, and change it only when they accept.</summary>
internal sealed class GameState(int size, Ruleset rules, TimeControl timeControl)
{
    public int Size { get; } = size;

    public Ruleset Rules { get; } = rules;

    public Position Position { get; } = Position.Start(size, rules);

    public GameStatus Status { get; set; } = GameStatus.Play;

    /// <summary>Both clocks and which one runs (<see cref="TimeRules"/> changes it after each accepted action).</summary>
    public ClockState Clock { get; set; } = ClockState.Start(timeControl);

    public PendingRequest? Pending { get; private set; }

    /// <summary>The stones of a pending mark-dead request.</summary>
    public IReadOnlyList<Point> MarkedDead { get; set; } = [];

    /// <summary>The scoring phase's shared marking, from the two passes that end play until play resumes; null in play.</summary>
    public DeadMarking? Marking { get; set; }

    /// <summary>
    /// The scoring phase's marking is still the engine's to suggest: no player has acted since the passes that began it
    /// (<see cref="ActionType.SuggestDead"/>).
    /// </summary>
    public bool SuggestionOpen { get; set; }

    public GameResult? Result { get; private set; }

    public ScoreTally? Tally { get; set; }

    /// <summary>The last accepted action (two passes in a row end play only when nothing was recorded in between).</summary>
    public GameAction? LastAction { get; set; }

    public void OpenRequest(RequestType type, Color initiator)
    {
        Pending = new PendingRequest(type, initiator);
        Status = GameStatus.RequestPending;
    }

    public void CloseRequest(GameStatus next)
    {
        Pending = null;
        MarkedDead = [];
        Status = next;
        if (next == GameStatus.Play)
        {
            // A scoring phase that play resumes from starts afresh after the next two passes.
            Marking = null;
        }
    }

    public void Finish(GameResult result)
    {
        CloseRequest(GameStatus.Complete);
        Result = result;
    }
}
