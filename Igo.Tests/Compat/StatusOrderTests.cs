using System.Text.Json;
using Igo.Domain;
using Igo.Testing.Sockets;
using Igo.Tests.Infrastructure;
using Igo.Web.Games;
using Microsoft.Extensions.DependencyInjection;

namespace Igo.Tests.Compat;

/// <summary>
/// Each action reaches each player as exactly one <c>game_status</c>, in commit order (docs/PROTOCOL.md §2.3), also when
/// the opponent's next move is committed between the mover's commit and its answer. The real coordinator on the
/// embedded store, with one hook: a seat whose action, once committed, lets the opponent move before it answers.
/// </summary>
[Trait("Category", "Compat")]
public sealed class StatusOrderTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("igo-order-").FullName;
    private AppOnRealPort app = null!;
    private InterposingCoordinator coordinator = null!;

    public ValueTask InitializeAsync()
    {
        app = AppOnRealPort.Start(
            SharedAppLimits.With(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Igo"] = string.Empty,
                ["DATABASE_URL"] = string.Empty,
                ["Igo:Data:SqlitePath"] = Path.Combine(folder, "igo.db"),
            }),
            services => services.AddSingleton<IGameCoordinator>(provider =>
                new InterposingCoordinator(provider.GetRequiredService<GameCoordinator>())));
        coordinator = (InterposingCoordinator)app.Services.GetRequiredService<IGameCoordinator>();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_opponents_move_committed_before_the_answer_does_not_replace_the_movers_own_status()
    {
        await using var black = await ProtocolClient.ConnectAsync(app.WebSocketUri(), TestContext.Current.CancellationToken);
        await using var white = await ProtocolClient.ConnectAsync(app.WebSocketUri(), TestContext.Current.CancellationToken);
        var keys = await ProtocolSuite.CreateAsync(black, "black", 9);
        await white.SendAsync(Wire.Join(keys.Key("white")));
        await white.ExpectAsync("join_game_response");
        await white.ExpectAsync("game_status");
        await white.ExpectAsync("chat");
        await white.ExpectAsync("opponent_connected");
        Assert.True((await black.ExpectAsync("opponent_connected")).Flag("opponentConnected"));

        // Black's move commits; before black's answer is sent, white's reply is committed too.
        coordinator.AfterCommit(Color.Black, seats => seats[Color.White].ActAsync(ActionType.PlaceStone, new Point(2, 2)));
        await black.SendAsync(Wire.Place(keys.Key("black"), 4, 4));

        Assert.True((await black.ExpectAsync("game_action_response")).Flag("success"));
        Assert.Equal("[4,4]", LastMove(await black.ExpectAsync("game_status")));
        Assert.Equal("[2,2]", LastMove(await black.ExpectAsync("game_status")));
        await black.ExpectNothingAsync();

        Assert.Equal("[4,4]", LastMove(await white.ExpectAsync("game_status")));
        Assert.Equal("[2,2]", LastMove(await white.ExpectAsync("game_status")));
        await white.ExpectNothingAsync();
    }

    private static string LastMove(JsonElement status) => status.GetProperty("lastMove").GetRawText();

    /// <summary>The real coordinator, whose seats can run one step after an action committed and before it answers.</summary>
    private sealed class InterposingCoordinator(IGameCoordinator inner) : IGameCoordinator
    {
        private readonly Dictionary<Color, IGameSeat> seats = [];
        private readonly Lock gate = new();
        private (Color Mover, Func<IReadOnlyDictionary<Color, IGameSeat>, Task> Step)? pending;

        /// <summary>The next action of <paramref name="mover"/> runs <paramref name="step"/> between its commit and its answer.</summary>
        public void AfterCommit(Color mover, Func<IReadOnlyDictionary<Color, IGameSeat>, Task> step)
        {
            lock (gate)
            {
                pending = (mover, step);
            }
        }

        public async Task<SeatOutcome> CreateGameAsync(NewGameRequest request, SeatHolder holder, CancellationToken cancellationToken = default) =>
            Wrap(await inner.CreateGameAsync(request, holder, cancellationToken));

        public async Task<SeatOutcome> JoinGameAsync(string key, string? computerSecret, SeatHolder holder, CancellationToken cancellationToken = default) =>
            Wrap(await inner.JoinGameAsync(key, computerSecret, holder, cancellationToken));

        public async Task<SeatOutcome> TakeOverAsync(string key, SeatHolder holder, CancellationToken cancellationToken = default) =>
            Wrap(await inner.TakeOverAsync(key, holder, cancellationToken));

        private SeatOutcome Wrap(SeatOutcome outcome)
        {
            if (outcome.Seat is not { } seat)
            {
                return outcome;
            }

            lock (gate)
            {
                seats[seat.Color] = seat;
            }

            return SeatOutcome.Held(new InterposedSeat(seat, this));
        }

        private async Task RunAfterCommitAsync(Color mover)
        {
            Func<IReadOnlyDictionary<Color, IGameSeat>, Task> step;
            Dictionary<Color, IGameSeat> held;
            lock (gate)
            {
                if (pending is not { } due || due.Mover != mover)
                {
                    return;
                }

                pending = null;
                step = due.Step;
                held = new Dictionary<Color, IGameSeat>(seats);
            }

            await step(held);
        }

        private sealed class InterposedSeat(IGameSeat inner, InterposingCoordinator coordinator) : IGameSeat
        {
            public long GameId => inner.GameId;

            public string Key => inner.Key;

            public Color Color => inner.Color;

            public GameKeys Keys => inner.Keys;

            public bool OpponentIsComputer => inner.OpponentIsComputer;

            public Task TakenOver => inner.TakenOver;

            public string? OpponentComputerId => inner.OpponentComputerId;

            public GameSnapshot Snapshot => inner.Snapshot;

            public string WatchId => inner.WatchId;

            public Task<IReadOnlyList<SpectatorMessage>?> SpectatorChatAsync(CancellationToken cancellationToken = default) => inner.SpectatorChatAsync(cancellationToken);

            public Task<IReadOnlyList<ChatMessage>> ChatThreadAsync(CancellationToken cancellationToken = default) => inner.ChatThreadAsync(cancellationToken);

            public IDisposable Subscribe(IGameObserver observer) => inner.Subscribe(observer);

            public async Task<ActionReply> ActAsync(ActionType type, Point? point, CancellationToken cancellationToken = default)
            {
                var reply = await inner.ActAsync(type, point, cancellationToken);
                if (reply.Success)
                {
                    await coordinator.RunAfterCommitAsync(Color);
                }

                return reply;
            }

            public Task<ActionReply> AcceptCountAsync(int markingVersion, CancellationToken cancellationToken = default) => inner.AcceptCountAsync(markingVersion, cancellationToken);

            public Task<ActionReply> ChatAsync(string text, CancellationToken cancellationToken = default) => inner.ChatAsync(text, cancellationToken);

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
