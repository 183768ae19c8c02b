using Igo.Data;
using Igo.Domain;

namespace Igo.Web.Compat;

/// <summary>A held seat's game actions and chat lines, each answered as the original answers it (docs/PROTOCOL.md §2.3).</summary>
internal sealed partial class CompatSession
{
    private async Task ActAsync(GameActionMessage message, CancellationToken cancellationToken)
    {
        if (SeatFor(message.Key) is not { } held)
        {
            return;
        }

        Point? point = null;
        if (ProtocolNames.NeedsPoint(message.Action))
        {
            if (ProtocolTexts.CoordsRefusal(message, held.Snapshot.View.Size) is { } refusal)
            {
                metrics.InputRejected("bad_coordinates");
                output.Send(OutboundMessages.GameActionResponse(false, refusal));
                return;
            }

            point = message.Coords.Point;
        }

        // Held events are released by the answer, or, if the call throws, by the error HandleAsync sends.
        output.HoldEvents();
        var reply = await held.ActAsync(message.Action, point, cancellationToken);

        // The state this action produced follows its answer, not the seat's latest: that may already hold the opponent's
        // next move, whose status is among the held events (sending it now would drop this action's own status).
        var text = OutcomeTexts.Action(reply, message.ActionName, (reply.Produced ?? held.Snapshot).View.Status);
        output.Answer(OutboundMessages.GameActionResponse(reply.Success, text), reply.Produced);
    }

    private async Task ChatAsync(ChatInMessage message, CancellationToken cancellationToken)
    {
        if (SeatFor(message.Key) is not { } held)
        {
            return;
        }

        // Checked before the allowance is asked, so a line that would be refused costs none of it.
        if (ChatRules.Check(message.Text) is { } refusal)
        {
            metrics.InputRejected("bad_chat");
            output.Send(OutboundMessages.Error(OutcomeTexts.Chat(refusal)));
            return;
        }

        if (allowance.ChatRefusal() is { } throttled)
        {
            metrics.InputRejected("chat_throttled");
            output.Send(OutboundMessages.Error(throttled));
            return;
        }

        // No direct answer: both players, the author included, receive the line through the seat's events.
        var reply = await held.ChatAsync(message.Text, cancellationToken);
        if (!reply.Success)
        {
            output.Send(OutboundMessages.Error(OutcomeTexts.Chat(reply)));
        }
    }
}
