using Igo.Testing.Waiting;

namespace Igo.Tests.Faults;

/// <summary>One acknowledged placement: the server said success to its sender.</summary>
public sealed record Placement(string Color, int Row, int Col);

/// <summary>
/// A 19x19 game between two frontend-like players that never captures: black fills row 2, white row 6, left to right.
/// It remembers every placement the server acknowledged, to be compared with the store and the boards shown.
/// </summary>
public sealed class TwoPlayerGame(FrontendLikeClient black, FrontendLikeClient white) : IAsyncDisposable
{
    private readonly List<Placement> acknowledged = [];

    public FrontendLikeClient Black { get; } = black;

    public FrontendLikeClient White { get; } = white;

    public IReadOnlyList<Placement> Acknowledged => acknowledged;

    public long GameId { get; set; }

    /// <summary>Black creates on one instance, white joins on another (indexes into the instance list).</summary>
    public static async Task<TwoPlayerGame> StartAsync(Uri[] instances, int blackOn, int whiteOn)
    {
        var black = await FrontendLikeClient.CreateGameAsync(instances, blackOn);
        var white = await FrontendLikeClient.JoinAsync(instances, whiteOn, black.OpponentKey);
        return new TwoPlayerGame(black, white);
    }

    /// <summary>The next placement of the pattern, given how many have been acknowledged.</summary>
    public Placement Next => acknowledged.Count % 2 == 0
        ? new Placement("black", 2, acknowledged.Count / 2)
        : new Placement("white", 6, acknowledged.Count / 2);

    /// <summary>
    /// Plays the next placement. A lost connection makes the mover come back and ask again; a refusal after that is
    /// accepted only when the board it is shown already has the stone (the first attempt went through unanswered).
    /// Then waits until the opponent is shown the stone too.
    /// </summary>
    public async Task PlayNextAsync(TimeSpan reconnectTimeout)
    {
        var move = Next;
        var (mover, opponent) = move.Color == "black" ? (Black, White) : (White, Black);
        var stone = move.Color[0];
        await Eventually.QueriesAsync(
            async () =>
            {
                var outcome = await mover.ActAsync("place_stone", move.Row, move.Col);
                if (outcome.ConnectionLost)
                {
                    await mover.ReconnectAsync(reconnectTimeout);
                }

                return outcome;
            },
            outcome => outcome.Success || FrontendLikeClient.StoneAt(mover.LastStatus, move.Row, move.Col) == stone,
            TestContext.Current.CancellationToken,
            reconnectTimeout + Eventually.DefaultTimeout,
            $"{move} to be acknowledged, or shown to its mover");

        acknowledged.Add(move);

        // Both are shown it: the mover after its answer, the opponent wherever it is connected.
        await mover.WaitForStoneAsync(move.Row, move.Col, stone);
        await opponent.WaitForStoneAsync(move.Row, move.Col, stone);
    }

    public async Task PlayAsync(int placements, TimeSpan reconnectTimeout)
    {
        for (var i = 0; i < placements; i++)
        {
            await PlayNextAsync(reconnectTimeout);
        }
    }

    /// <summary>The board the acknowledged placements make (no captures in this pattern).</summary>
    public string ExpectedBoard()
    {
        var rows = Enumerable.Range(0, 19).Select(_ => Enumerable.Repeat('.', 19).ToArray()).ToArray();
        foreach (var move in acknowledged)
        {
            rows[move.Row][move.Col] = move.Color[0];
        }

        return string.Concat(rows.Select(row => new string(row) + "\n"));
    }

    /// <summary>
    /// The store must hold exactly the acknowledged placements, in order, each once, numbered without gaps: nothing
    /// acknowledged was lost and nothing was applied twice.
    /// </summary>
    public void AssertStoreHoldsExactly(IReadOnlyList<StoredAction> stored)
    {
        Assert.Equal(Enumerable.Range(1, stored.Count), stored.Select(action => action.Sequence));
        Assert.All(stored, action => Assert.Equal("placestone", action.Type.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant()));
        var placements = stored.Select(action => new Placement(action.Color.ToLowerInvariant(), action.Row!.Value, action.Col!.Value)).ToList();
        Assert.Equal(acknowledged, placements);
    }

    public async ValueTask DisposeAsync()
    {
        await Black.DisposeAsync();
        await White.DisposeAsync();
    }
}
