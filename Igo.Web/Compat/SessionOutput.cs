using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Web.Compat;

/// <summary>
/// Puts one connection's messages in the order the frontend depends on (docs/PROTOCOL.md §2.3, §9): a seat's responses come
/// before the events they cause, a <c>game_status</c> never before a successful new/join response, and nothing from a seat
/// the connection has given up. Events and responses meet here under one lock, so frames never interleave or reorder.
/// Duplicates are dropped: a game state not newer than the last one sent, a chat line already in the sent thread, and an
/// opponent presence equal to the last one sent.
/// </summary>
internal sealed class SessionOutput(IOutboundSink sink)
{
    private readonly Lock gate = new();
    private SeatEvents? current;
    private Color color;
    private long lastVersion = -1;
    private long lastChatId;
    private bool? lastOpponentConnected;

    public void Send(byte[] frame)
    {
        lock (gate)
        {
            sink.Send(frame);
        }
    }

    public void Deliver(SeatEvents source, SeatEvent seatEvent)
    {
        if (seatEvent is SeatEvent.Changed changed)
        {
            Encode(changed.Snapshot);
        }

        lock (gate)
        {
            if (source.Retired)
            {
                return;
            }

            if (source.Holding || source != current)
            {
                source.Held.Add(seatEvent);
                return;
            }

            Emit(seatEvent);
        }
    }

    /// <summary>Holds the current seat's events back while one of its actions is in flight, so its answer goes first.</summary>
    public void HoldEvents()
    {
        lock (gate)
        {
            if (current is not null)
            {
                current.Holding = true;
            }
        }
    }

    /// <summary>Sends the answer to an action, then the state it produced, then the events held meanwhile.</summary>
    public void Answer(byte[] response, GameSnapshot? produced)
    {
        Encode(produced);
        lock (gate)
        {
            sink.Send(response);
            if (produced is not null)
            {
                EmitStatus(produced);
            }

            Release(current);
        }
    }

    /// <summary>
    /// Switches the connection to a newly held seat, giving up the previous one's events, and sends the four messages of
    /// a successful new/join in order: the response, <c>game_status</c>, the complete chat thread, <c>opponent_connected</c>.
    /// <paramref name="seenByPreviousSeat"/> is the new seat's colour when the previous seat was the other colour of the
    /// same game: that seat then sees its opponent arrive (docs/PROTOCOL.md §11 item 20), before the response.
    /// </summary>
    public void Begin(SeatEvents events, Color seatColor, byte[] response, GameSnapshot snapshot, IReadOnlyList<ChatMessage> thread, bool opponentConnected, Color? seenByPreviousSeat)
    {
        lock (gate)
        {
            if (seenByPreviousSeat is { } arriving && current is not null)
            {
                EmitPresence(arriving, connected: true);
            }

            Retire(current);
            current = events;
            color = seatColor;
            lastVersion = -1;
            lastChatId = 0;
            lastOpponentConnected = null;

            sink.Send(response);
            EmitStatus(snapshot);
            sink.Send(OutboundMessages.Chat(thread, isComplete: true));
            foreach (var message in thread)
            {
                lastChatId = Math.Max(lastChatId, message.Id);
            }

            EmitPresence(seatColor.Opponent(), opponentConnected);
            Release(events);
        }
    }

    /// <summary>Drops every later event of the current seat (the connection is closing or failed to switch).</summary>
    public void End()
    {
        lock (gate)
        {
            Retire(current);
            current = null;
        }
    }

    /// <summary>Drops the events of a seat that never became current (its new/join failed after subscribing).</summary>
    public void Discard(SeatEvents events)
    {
        lock (gate)
        {
            Retire(events);
        }
    }

    /// <summary>
    /// Writes a state's frame before the lock is taken (it is kept per snapshot), so the lock is held only to order and
    /// hand over frames: a player's answer and the event of the same commit meet here at once, and with the lock held
    /// through the JSON writing a profile at 200 games showed threads spinning on it.
    /// </summary>
    private static void Encode(GameSnapshot? snapshot)
    {
        if (snapshot is not null)
        {
            _ = OutboundMessages.GameStatus(snapshot);
        }
    }

    private static void Retire(SeatEvents? events)
    {
        if (events is not null)
        {
            events.Retired = true;
            events.Held.Clear();
        }
    }

    private void Release(SeatEvents? events)
    {
        if (events is null)
        {
            return;
        }

        foreach (var held in events.Held)
        {
            Emit(held);
        }

        events.Held.Clear();
        events.Holding = false;
    }

    private void Emit(SeatEvent seatEvent)
    {
        switch (seatEvent)
        {
            case SeatEvent.Changed changed:
                EmitStatus(changed.Snapshot);
                break;
            case SeatEvent.Chat chat when chat.Message.Id > lastChatId:
                lastChatId = chat.Message.Id;
                sink.Send(OutboundMessages.Chat([chat.Message], isComplete: false));
                break;
            case SeatEvent.Presence presence:
                EmitPresence(presence.Color, presence.Connected);
                break;
            default:
                break;
        }
    }

    private void EmitStatus(GameSnapshot snapshot)
    {
        if (snapshot.View.Version <= lastVersion)
        {
            return;
        }

        lastVersion = snapshot.View.Version;
        sink.Send(OutboundMessages.GameStatus(snapshot));
    }

    private void EmitPresence(Color of, bool connected)
    {
        // Only the opponent's presence is news to this player; its own arrival and departure are not.
        if (of != color.Opponent() || lastOpponentConnected == connected)
        {
            return;
        }

        lastOpponentConnected = connected;
        sink.Send(OutboundMessages.OpponentConnected(connected));
    }
}
