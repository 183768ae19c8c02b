using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Testing.Games;

/// <summary>A key of an <see cref="InMemoryGame"/> held by one connection; disposing it releases the key once.</summary>
internal sealed class InMemorySeat(InMemoryGame game, Color color) : IGameSeat
{
    private readonly TaskCompletionSource takenOver = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int released;

    public long GameId => game.Id;

    public string Key => game.Keys.For(color);

    public Color Color => color;

    public GameKeys Keys => game.Keys;

    public bool OpponentIsComputer => game.ComputerColor == color.Opponent();

    public string? OpponentComputerId => OpponentIsComputer ? game.Level : null;

    public GameSnapshot Snapshot => game.Snapshot();

    public string WatchId => game.WatchId;

    public Task<IReadOnlyList<SpectatorMessage>?> SpectatorChatAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SpectatorMessage>?>(game.View.Status == GameStatus.Complete ? [] : null);

    public Task<IReadOnlyList<ChatMessage>> ChatThreadAsync(CancellationToken cancellationToken = default) => Task.FromResult(game.Thread());

    public Task TakenOver => takenOver.Task;

    public IDisposable Subscribe(IGameObserver observer) => game.Subscribe(this, observer);

    public Task<ActionReply> ActAsync(ActionType type, Point? point, CancellationToken cancellationToken = default) =>
        TakenOver.IsCompleted ? Lost() : game.ActAsync(color, type, point);

    public Task<ActionReply> AcceptCountAsync(int markingVersion, CancellationToken cancellationToken = default) =>
        TakenOver.IsCompleted ? Lost() : game.AcceptCountAsync(color, markingVersion);

    public Task<ActionReply> ChatAsync(string text, CancellationToken cancellationToken = default) =>
        TakenOver.IsCompleted ? Lost() : game.ChatAsync(color, text);

    internal void LoseToTakeOver() => takenOver.TrySetResult();

    private static Task<ActionReply> Lost() => Task.FromResult(ActionReply.Refused(ActionFailure.SeatReleased));

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref released, 1) == 0)
        {
            await game.ReleaseAsync(this);
        }
    }
}
