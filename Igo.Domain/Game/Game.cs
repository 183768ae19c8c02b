namespace Igo.Domain;

/// <summary>
/// One game of Go as a state machine over its log of accepted actions (docs/PROTOCOL.md §5 plus rulesets, handicap and undo).
/// <see cref="Apply"/> either accepts an action (it is logged, the version goes up) or refuses it, saying why as an
/// <see cref="ActionRefusal"/>, and changes nothing. <see cref="Replay(int, Ruleset, TimeControl, IEnumerable{GameAction})"/> rebuilds a game from its log. Not thread-safe: the caller
/// serialises the actions of one game; <see cref="View"/> snapshots are immutable and may be shared freely.
/// </summary>
public sealed class Game
{
    private readonly GameState state;
    private readonly List<GameAction> actions = [];
    private readonly IReadOnlyList<GameAction> readOnlyActions;
    private GameView? view;

    private Game(int size, Ruleset rules, TimeControl timeControl)
    {
        state = new GameState(size, rules, timeControl);
        readOnlyActions = actions.AsReadOnly();
    }

    public int Size => state.Size;

    public Ruleset Rules => state.Rules;

    public GameStatus Status => state.Status;

    /// <summary>How the game is timed (<see cref="Domain.TimeControl.None"/> when it is not).</summary>
    public TimeControl TimeControl => state.Clock.Control;

    /// <summary>Both clocks and which one runs, as of the last accepted action.</summary>
    public ClockState Clock => state.Clock;

    /// <summary>Whose turn it is (meaningful in play; after two passes, the player who passed first).</summary>
    public Color Turn => state.Position.Turn;

    /// <summary>Number of accepted actions.</summary>
    public int Version => actions.Count;

    /// <summary>The accepted actions in order: the game's source of truth.</summary>
    public IReadOnlyList<GameAction> Actions => readOnlyActions;

    /// <summary>The moves of the current line of play (taken-back moves are gone), handicap stones not included.</summary>
    public IReadOnlyList<Move> Moves => state.Position.Moves;

    /// <summary>Zobrist hash of the stones on the board (see <see cref="Board.Hash"/>).</summary>
    public ulong BoardHash => state.Position.Board.Hash;

    /// <summary>Stones captured by each colour, dead stones removed at the end included.</summary>
    public PerColor<int> Prisoners => state.Position.Prisoners;

    public GameResult? Result => state.Result;

    public PendingRequest? PendingRequest => state.Pending;

    /// <summary>The counted score once a tally has been accepted.</summary>
    public ScoreTally? Tally => state.Tally;

    /// <summary>The handicap stones black started with.</summary>
    public IReadOnlyList<Point> HandicapStones => Handicap.StandardPoints(Size, Rules.Handicap);

    internal IEnumerable<(Color Color, IReadOnlyList<Point> Stones)> DeadStoneRemovals => state.Position.DeadStoneRemovals;

    /// <summary>A new untimed game: sizes 2 to 25; a handicap of 2 to 9 stones (9x9, 13x13, 19x19) is placed and white moves first.</summary>
    public static Game Create(int size, Ruleset rules) => Create(size, rules, TimeControl.None);

    /// <summary>A new game under <paramref name="timeControl"/>, which must be valid (<see cref="TimeControl.Validate"/>).</summary>
    public static Game Create(int size, Ruleset rules, TimeControl timeControl)
    {
        ArgumentNullException.ThrowIfNull(timeControl);
        if (timeControl.Validate() is { } timeRefusal)
        {
            throw new ArgumentException($"The time control is not valid: {timeRefusal}.", nameof(timeControl));
        }

        switch (GameSettings.Check(size, rules))
        {
            case SettingsRefusal.BoardSize:
                throw new ArgumentOutOfRangeException(nameof(size), size, $"A board has {Board.MinSize} to {Board.MaxSize} lines.");
            case SettingsRefusal.MissingRules:
                throw new ArgumentNullException(nameof(rules));
            case SettingsRefusal.Komi:
                throw new ArgumentException("Komi must be a finite number.", nameof(rules));
            case SettingsRefusal.Handicap:
                throw new ArgumentException(
                    $"A handicap of {rules.Handicap} stones is not supported on {size}x{size}: use 0, or 2 to 9 stones on 9x9, 13x13 or 19x19.",
                    nameof(rules));
            default:
                return new Game(size, rules, timeControl);
        }
    }

    /// <summary>Rebuilds an untimed game from its log; throws <see cref="InvalidDataException"/> when a logged action is not accepted.</summary>
    public static Game Replay(int size, Ruleset rules, IEnumerable<GameAction> actions) => Replay(size, rules, TimeControl.None, actions);

    /// <summary>
    /// Rebuilds a game from its log, clocks included (each action carries the thinking time it was charged); throws
    /// <see cref="InvalidDataException"/> when a logged action is not accepted.
    /// </summary>
    public static Game Replay(int size, Ruleset rules, TimeControl timeControl, IEnumerable<GameAction> actions) =>
        Replay(size, rules, timeControl, actions, applied: null);

    /// <summary>As <see cref="Replay(int, Ruleset, TimeControl, IEnumerable{GameAction})"/>, calling <paramref name="applied"/> after each action.</summary>
    internal static Game Replay(int size, Ruleset rules, TimeControl timeControl, IEnumerable<GameAction> actions, Action<Game>? applied)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var game = Create(size, rules, timeControl);
        var index = 0;
        foreach (var action in actions)
        {
            var outcome = game.Apply(action);
            if (!outcome.Accepted)
            {
                throw new InvalidDataException(
                    $"Logged action {index} ({action.Type} by {action.Player}{(action.Point is { } p ? $" at {p}" : string.Empty)}) is rejected on replay: {outcome}");
            }

            applied?.Invoke(game);
            index++;
        }

        return game;
    }

    public ActionOutcome Apply(GameAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var outcome = Decide(action);
        if (outcome.Accepted)
        {
            TimeRules.Accepted(state, action);
            if (action.Type is not (ActionType.SuggestDead or ActionType.Pass))
            {
                // A player acted in the scoring phase (or left it): the marking is theirs from now on.
                state.SuggestionOpen = false;
            }

            actions.Add(action);
            state.LastAction = action;
            view = null;
        }

        return outcome;
    }

    /// <summary>An immutable snapshot of the current version (built once per version).</summary>
    public GameView View() => view ??= GameViewFactory.Create(state, Version, state.LastAction);

    /// <summary>Whether <paramref name="player"/> could place a stone here in the current position (occupied, suicide, ko); turn and status not considered.</summary>
    public bool IsLegalPlacement(Point point, Color player) =>
        point.IsOnBoard(Size) && state.Position.IsLegal(point, player);

    /// <summary>The points where the player to move may place a stone now; none unless the game is in play.</summary>
    public IEnumerable<Point> LegalMoves()
    {
        if (Status != GameStatus.Play)
        {
            return [];
        }

        var legal = new List<Point>();
        for (var row = 0; row < Size; row++)
        {
            for (var col = 0; col < Size; col++)
            {
                var point = new Point(row, col);
                if (state.Position.IsLegal(point, Turn))
                {
                    legal.Add(point);
                }
            }
        }

        return legal;
    }

    /// <summary>A copy of the board for analysis or playouts (changing it does not touch the game).</summary>
    public Board CopyBoard() => state.Position.Board.Clone();

    private ActionOutcome Decide(GameAction action)
    {
        if (action.Player is not (Color.Black or Color.White))
        {
            return new ActionRefusal.UnknownPlayer(action.Player);
        }

        if (state.Status == GameStatus.Complete)
        {
            return new ActionRefusal.GameComplete();
        }

        if (TimeRules.Check(state, action) is { } late)
        {
            return late;
        }

        return action.Type switch
        {
            ActionType.PlaceStone => StonePlay.Place(state, action.Player, action.Point),
            ActionType.Pass => StonePlay.Pass(state, action.Player),
            ActionType.Resign => StonePlay.Resign(state, action.Player),
            ActionType.RequestDraw => DrawOffer.Request(state, action.Player),
            ActionType.MarkDead => DeadStoneMarking.Request(state, action.Player, action.Point),
            ActionType.RequestTally => ScoreTallying.Request(state, action.Player, action.MarkingVersion),
            ActionType.RequestUndo => Takeback.Request(state, action.Player),
            ActionType.Accept => RequestAnswers.Answer(state, action.Player, accept: true, action.MarkingVersion),
            ActionType.Reject => RequestAnswers.Answer(state, action.Player, accept: false),
            ActionType.Timeout => TimeRules.Timeout(state, action),
            ActionType.ClaimWin => TimeRules.ClaimWin(state, action.Player),
            ActionType.MarkGroupDead => GroupMarking.Mark(state, action.Player, action.Point, dead: true),
            ActionType.MarkGroupAlive => GroupMarking.Mark(state, action.Player, action.Point, dead: false),
            ActionType.SuggestDead => GroupMarking.Suggest(state, action.Player, action.Point),
            _ => new ActionRefusal.UnknownAction(action.Type),
        };
    }
}
