using System.Text.Json;
using Igo.Domain;
using Igo.Web.Compat;
using Igo.Web.Games;

namespace Igo.Tests.Compat;

/// <summary>The order of one connection's messages, whatever order the coordinator's events arrive in (docs/PROTOCOL.md §2.3, §9).</summary>
[Trait("Category", "Compat")]
public sealed class SessionOutputTests
{
    private readonly Sink sink = new();
    private readonly SessionOutput output;

    public SessionOutputTests() => output = new SessionOutput(sink);

    [Fact]
    public void Events_that_arrive_before_a_seat_is_shown_follow_its_four_messages()
    {
        var events = new SeatEvents(output);
        Deliver(events, new SeatEvent.Presence(Color.White, true));
        Deliver(events, new SeatEvent.Changed(Version(1)));
        Deliver(events, new SeatEvent.Chat(new ChatMessage(5, DateTimeOffset.UnixEpoch, Color.White, "hi")));

        Begin(events, Version(0), thread: []);

        Assert.Equal(["join_game_response", "game_status", "chat", "opponent_connected", "opponent_connected", "game_status", "chat"], sink.Types);
        Assert.False(sink.Data(3).GetProperty("opponentConnected").GetBoolean());
        Assert.True(sink.Data(4).GetProperty("opponentConnected").GetBoolean());
    }

    [Fact]
    public void A_state_no_newer_than_the_last_sent_is_dropped()
    {
        var events = new SeatEvents(output);
        Begin(events, Version(3), thread: []);
        sink.Clear();

        Deliver(events, new SeatEvent.Changed(Version(2)));
        Deliver(events, new SeatEvent.Changed(Version(3)));
        Deliver(events, new SeatEvent.Changed(Version(4)));

        Assert.Equal(["game_status"], sink.Types);
    }

    [Fact]
    public void The_answer_to_an_action_comes_before_the_events_it_caused()
    {
        var events = new SeatEvents(output);
        Begin(events, Version(0), thread: []);
        sink.Clear();

        output.HoldEvents();
        Deliver(events, new SeatEvent.Changed(Version(1)));
        Deliver(events, new SeatEvent.Presence(Color.White, true));
        output.Answer(OutboundMessages.GameActionResponse(true, "ok"), Version(1));

        Assert.Equal(["game_action_response", "game_status", "opponent_connected"], sink.Types);
    }

    [Fact]
    public void A_chat_line_already_in_the_complete_thread_is_not_sent_again()
    {
        var events = new SeatEvents(output);
        var line = new ChatMessage(7, DateTimeOffset.UnixEpoch, Color.Black, "hello");
        Deliver(events, new SeatEvent.Chat(line));

        Begin(events, Version(0), thread: [line]);
        Deliver(events, new SeatEvent.Chat(line with { Id = 8 }));

        Assert.Equal(["join_game_response", "game_status", "chat", "opponent_connected", "chat"], sink.Types);
        Assert.Equal(8, sink.Data(4).GetProperty("thread")[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public void Only_changes_of_the_opponents_presence_are_sent()
    {
        var events = new SeatEvents(output);
        Begin(events, Version(0), thread: []);
        sink.Clear();

        Deliver(events, new SeatEvent.Presence(Color.Black, false));
        Deliver(events, new SeatEvent.Presence(Color.White, false));
        Deliver(events, new SeatEvent.Presence(Color.White, true));
        Deliver(events, new SeatEvent.Presence(Color.White, true));

        Assert.Equal(["opponent_connected"], sink.Types);
    }

    [Fact]
    public void Nothing_of_a_seat_given_up_is_sent()
    {
        var first = new SeatEvents(output);
        Begin(first, Version(0), thread: []);
        var second = new SeatEvents(output);
        Begin(second, Version(0), thread: []);
        sink.Clear();

        Deliver(first, new SeatEvent.Changed(Version(9)));
        Deliver(first, new SeatEvent.Presence(Color.White, true));
        output.End();
        Deliver(second, new SeatEvent.Changed(Version(9)));

        Assert.Empty(sink.Types);
    }

    [Fact]
    public void Taking_the_other_colour_of_the_same_game_first_shows_the_arrival_through_the_old_seat()
    {
        var white = new SeatEvents(output);
        output.Begin(white, Color.White, OutboundMessages.NewGameResponse(null, Color.White, "created"), Views.Snapshot(Views.Empty(9)), [], opponentConnected: false, seenByPreviousSeat: null);
        sink.Clear();

        var black = new SeatEvents(output);
        output.Begin(black, Color.Black, OutboundMessages.JoinGameResponse(null, Color.Black, "joined"), Views.Snapshot(Views.Empty(9)), [], opponentConnected: false, seenByPreviousSeat: Color.Black);

        Assert.Equal(["opponent_connected", "join_game_response", "game_status", "chat", "opponent_connected"], sink.Types);
        Assert.True(sink.Data(0).GetProperty("opponentConnected").GetBoolean());
        Assert.False(sink.Data(4).GetProperty("opponentConnected").GetBoolean());
    }

    private static GameSnapshot Version(int version) => Views.Snapshot(Views.Empty(9) with { Version = version });

    private void Begin(SeatEvents events, GameSnapshot snapshot, IReadOnlyList<ChatMessage> thread) =>
        output.Begin(events, Color.Black, OutboundMessages.JoinGameResponse(null, Color.Black, "joined"), snapshot, thread, opponentConnected: false, seenByPreviousSeat: null);

    private static void Deliver(SeatEvents events, SeatEvent seatEvent)
    {
        var delivered = seatEvent switch
        {
            SeatEvent.Changed changed => events.OnGameChangedAsync(changed.Snapshot),
            SeatEvent.Chat chat => events.OnChatAsync(chat.Message),
            SeatEvent.Presence presence => events.OnPresenceAsync(presence.Color, presence.Connected),
            _ => Task.CompletedTask,
        };
        Assert.True(delivered.IsCompleted);
    }

    private sealed class Sink : IOutboundSink
    {
        private readonly List<byte[]> frames = [];

        public string[] Types => [.. frames.Select(f => Parse(f).GetProperty("messageType").GetString()!)];

        public void Send(byte[] frame) => frames.Add(frame);

        public void Clear() => frames.Clear();

        public JsonElement Data(int index) => Parse(frames[index]).GetProperty("data");

        private static JsonElement Parse(byte[] frame)
        {
            using var document = JsonDocument.Parse(frame);
            return document.RootElement.Clone();
        }
    }
}
