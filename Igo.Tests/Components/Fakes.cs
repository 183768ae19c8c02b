using Igo.Computer;
using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Tests.Components;

/// <summary>A seat for component tests: records what the page asks, and lets the test push what the coordinator would.</summary>
internal sealed class FakeGameSeat(string key, Color color, GameSnapshot snapshot, bool opponentIsComputer = false) : IGameSeat
{
    private readonly List<IGameObserver> observers = [];
    private readonly TaskCompletionSource takenOver = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<(ActionType Type, Point? Point)> Actions { get; } = [];

    public List<string> Chats { get; } = [];

    public List<ChatMessage> Thread { get; } = [];

    public Func<ActionType, Point?, ActionReply> Reply { get; set; } = (_, _) => ActionReply.Succeeded;

    public bool Disposed { get; private set; }

    public int ActiveSubscriptions => observers.Count;

    public long GameId => 1;

    public string Key { get; } = key;

    public Color Color { get; } = color;

    public GameKeys Keys => Color == Color.Black ? new GameKeys(Key, "OpponentK1") : new GameKeys("OpponentK1", Key);

    public bool OpponentIsComputer { get; } = opponentIsComputer;

    public string? OpponentComputerId { get; init; }

    public GameSnapshot Snapshot { get; set; } = snapshot;

    public string WatchId { get; } = "0123456789abcdef0123456789abcdef";

    /// <summary>Completed by <see cref="LoseToTakeOver"/>, as the coordinator does when another tab takes the key.</summary>
    public Task TakenOver => takenOver.Task;

    public void LoseToTakeOver() => takenOver.TrySetResult();

    /// <summary>The spectators' chat the seat gives once the game is over.</summary>
    public List<SpectatorMessage> SpectatorThread { get; } = [];

    public Task<IReadOnlyList<SpectatorMessage>?> SpectatorChatAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SpectatorMessage>?>(Snapshot.View.Status == GameStatus.Complete ? SpectatorThread.ToList() : null);

    public Task<IReadOnlyList<ChatMessage>> ChatThreadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ChatMessage>>(Thread.ToList());

    public IDisposable Subscribe(IGameObserver observer)
    {
        observers.Add(observer);
        return new Subscription(() => observers.Remove(observer));
    }

    public Task<ActionReply> ActAsync(ActionType type, Point? point, CancellationToken cancellationToken = default)
    {
        Actions.Add((type, point));
        return Task.FromResult(Reply(type, point));
    }

    /// <summary>The marking versions the page accepted the count for, in order.</summary>
    public List<int> CountAcceptances { get; } = [];

    public Task<ActionReply> AcceptCountAsync(int markingVersion, CancellationToken cancellationToken = default)
    {
        CountAcceptances.Add(markingVersion);
        return Task.FromResult(Reply(ActionType.RequestTally, null));
    }

    public Task<ActionReply> ChatAsync(string text, CancellationToken cancellationToken = default)
    {
        Chats.Add(text);
        return Task.FromResult(ActionReply.Succeeded);
    }

    public async Task PushAsync(GameSnapshot next)
    {
        Snapshot = next;
        foreach (var observer in observers.ToList())
        {
            await observer.OnGameChangedAsync(next);
        }
    }

    public async Task PushChatAsync(ChatMessage message)
    {
        foreach (var observer in observers.ToList())
        {
            await observer.OnChatAsync(message);
        }
    }

    public async Task PushPresenceAsync(Color who, bool connected)
    {
        foreach (var observer in observers.ToList())
        {
            await observer.OnPresenceAsync(who, connected);
        }
    }

    /// <summary>What releasing the key waits for: done at once unless a test holds it.</summary>
    public Task Releasing { get; set; } = Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return new ValueTask(Releasing);
    }

    private sealed class Subscription(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}

internal sealed class FakeComputerOpponents(params ComputerOpponent[] available) : IComputerOpponents
{
    public IReadOnlyList<ComputerOpponent> Available { get; } = available;

    /// <summary>Who plays a game whose opponent is not available here (as the catalogue's built-in "Club" level does).</summary>
    public string? StandIn { get; set; }

    public ComputerOpponent PlaysFor(string? id)
    {
        if (id is null)
        {
            return available[0];
        }

        return available.FirstOrDefault(opponent => opponent.Id == id)
            ?? available.Single(opponent => opponent.Id == StandIn) with { Description = "The opponent chosen for this game cannot run on this server." };
    }
}

internal static class Snapshots
{
    public static GameSnapshot Of(GameView view, bool blackConnected = true, bool whiteConnected = true, double seconds = 0, DateTimeOffset? since = null) =>
        new(1, view, seconds, since, new PerColor<bool>(blackConnected, whiteConnected));
}

internal sealed class FakeGameRecords : Igo.Web.Games.IGameRecords
{
    public List<long> Requested { get; } = [];

    /// <summary>The names each request gave the sides a computer played (null: a person).</summary>
    public List<(string? Black, string? White)> Names { get; } = [];

    public Task<Igo.Web.Games.GameFile?> SgfAsync(long gameId, string? blackComputer, string? whiteComputer, CancellationToken cancellationToken = default)
    {
        Requested.Add(gameId);
        Names.Add((blackComputer, whiteComputer));
        return Task.FromResult<Igo.Web.Games.GameFile?>(new("igo-game.sgf", "application/x-go-sgf", "(;FF[4]GM[1]SZ[9])"));
    }
}

/// <summary>An advisor that answers what the test sets, or waits (until cancelled) while <see cref="Hold"/> is set; records the views asked about.</summary>
internal sealed class FakePositionAdvisor : IPositionAdvisor
{
    public PositionJudgement Judgement { get; set; } = new([], 0, "Test engine");

    public bool Hold { get; set; }

    public List<(string Call, GameView View)> Asked { get; } = [];

    public TaskCompletionSource<CancellationToken> Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<PositionJudgement> JudgeAsync(GameView view, CancellationToken cancellationToken = default) => AnswerAsync("judge", view, cancellationToken);

    public Task<PositionJudgement> EstimateAsync(GameView view, CancellationToken cancellationToken = default) => AnswerAsync("estimate", view, cancellationToken);

    private async Task<PositionJudgement> AnswerAsync(string call, GameView view, CancellationToken cancellationToken)
    {
        Asked.Add((call, view));
        if (Hold)
        {
            Waiting.TrySetResult(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return Judgement;
    }
}
