namespace Igo.Domain;

/// <summary>Accepting or rejecting the pending request (§5.5): only its initiator's opponent may answer.</summary>
internal static class RequestAnswers
{
    public static ActionOutcome Answer(GameState state, Color responder, bool accept, int? markingVersion = null)
    {
        if (state.Status != GameStatus.RequestPending || state.Pending is not { } pending)
        {
            return new ActionRefusal.NoRequestToAnswer();
        }

        if (pending.Initiator == responder)
        {
            return new ActionRefusal.OwnRequest();
        }

        if (accept && pending.Type == RequestType.TallyScore && ScoreTallying.Stale(state, markingVersion) is { } stale)
        {
            return stale;
        }

        return (pending.Type, accept) switch
        {
            (RequestType.Draw, true) => DrawOffer.Accept(state, responder),
            (RequestType.Draw, false) => DrawOffer.Reject(state, responder),
            (RequestType.MarkDead, true) => DeadStoneMarking.Accept(state, responder),
            (RequestType.MarkDead, false) => DeadStoneMarking.Reject(state, responder),
            (RequestType.TallyScore, true) => ScoreTallying.Accept(state, responder),
            (RequestType.TallyScore, false) => ScoreTallying.Reject(state, responder),
            (RequestType.Undo, true) => Takeback.Accept(state, responder),
            _ => Takeback.Reject(state, responder),
        };
    }
}
