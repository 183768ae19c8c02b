namespace Igo.Domain;

/// <summary>Accepting or rejecting the pending request (§5.5): only its initiator's opponent may answer.</summary>
internal static class RequestAnswers
{
    public static ActionOutcome Answer(GameState state, Color responder, bool accept)
    {
        if (state.Status != GameStatus.RequestPending || state.Pending is not { } pending)
        {
            return ActionOutcome.NotPermitted(GameMessages.NoRequestToAnswer);
        }

        if (pending.Initiator == responder)
        {
            return ActionOutcome.NotPermitted(GameMessages.OwnRequest);
        }

        var initiator = pending.Initiator;
        var message = (pending.Type, accept) switch
        {
            (RequestType.Draw, true) => DrawOffer.Accept(state, responder, initiator),
            (RequestType.Draw, false) => DrawOffer.Reject(state, responder, initiator),
            (RequestType.MarkDead, true) => DeadStoneMarking.Accept(state, responder, initiator),
            (RequestType.MarkDead, false) => DeadStoneMarking.Reject(state, responder, initiator),
            (RequestType.TallyScore, true) => ScoreTallying.Accept(state, responder, initiator),
            (RequestType.TallyScore, false) => ScoreTallying.Reject(state, responder, initiator),
            (RequestType.Undo, true) => Takeback.Accept(state, responder, initiator),
            _ => Takeback.Reject(state, responder, initiator),
        };
        return ActionOutcome.Success(message);
    }
}
