using System.Text;
using Igo.Data.Events;
using Igo.Domain;

namespace Igo.Tests.Data;

[Trait("Category", "Data")]
public sealed class GameEventCodecTests
{
    private static readonly Guid A = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly Guid B = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static readonly DateTimeOffset At = new(2026, 11, 28, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Every_kind_of_event_survives_a_round_trip_with_its_origin()
    {
        GameEvent[] events =
        [
            new ActionCommitted(42, 17, A, new GameAction(ActionType.PlaceStone, Color.Black, new Point(3, 15), At.AddTicks(10)), 123.456789, At),
            new ActionCommitted(42, 18, A, new GameAction(ActionType.Pass, Color.White, null, At), 0.1, null),
            new ChatPosted(7, 3, B, 9001),
            new PresenceChanged(7, 3, B, Color.White, Connected: false),
            new PresenceChanged(8, 0, A, Color.Black, Connected: true),
            new SpectatorChatPosted(8, A, 77),
            new SpectatorsChanged(9, B),
            new RematchChanged(10, 41, B),
            new LobbyChanged(A),
        ];

        var payloads = GameEventCodec.Encode(events);

        Assert.Single(payloads);
        Assert.Equal(events, GameEventCodec.Decode(payloads[0]));
    }

    [Fact]
    public void Lobby_changes_in_one_batch_are_sent_once_among_the_game_events()
    {
        GameEvent[] events = [new LobbyChanged(A), new ChatPosted(7, 3, B, 1), new LobbyChanged(B), new LobbyChanged(A), new RematchChanged(10, 41, B)];

        var decoded = GameEventCodec.Encode(events).SelectMany(GameEventCodec.Decode).ToList();

        Assert.Equal([new LobbyChanged(A), new ChatPosted(7, 3, B, 1), new RematchChanged(10, 41, B)], decoded);
    }

    [Fact]
    public void Many_events_are_split_into_payloads_under_the_NOTIFY_limit_in_order()
    {
        var events = Enumerable.Range(1, 1000)
            .Select(i => (GameEvent)new ActionCommitted(1_000_000 + i, i, i % 3 == 0 ? A : B, new GameAction(ActionType.MarkDead, Color.White, new Point(18, 18), At), i * 1.25, At))
            .ToList();

        var payloads = GameEventCodec.Encode(events);

        Assert.True(payloads.Count > 1);
        Assert.All(payloads, p => Assert.True(Encoding.UTF8.GetByteCount(p) < 8000));
        Assert.Equal(events, payloads.SelectMany(GameEventCodec.Decode));
    }

    [Fact]
    public void Resync_markers_are_never_sent()
    {
        Assert.Empty(GameEventCodec.Encode([new ResyncNeeded(5)]));
    }

    [Fact]
    public void A_payload_in_another_format_is_refused()
    {
        Assert.Throws<FormatException>(() => GameEventCodec.Decode("hello world"));
        Assert.Throws<FormatException>(() => GameEventCodec.Decode("p 1 2 x 1"));
    }
}
