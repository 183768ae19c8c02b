using Igo.Data;
using Igo.Domain;
using Igo.Web.Games;

namespace Igo.Web.Compat;

/// <summary>
/// The coordinator's answers (<see cref="ActionReply"/>, <see cref="SeatOutcome"/>) in the words igo-frontend players
/// have always read. A kind added for another UI (spectators, clocks) gets the generic sentence of its failure until
/// this endpoint has words for it.
/// </summary>
internal static class OutcomeTexts
{
    /// <summary>The explanation of a successful new_game_response (docs/PROTOCOL.md §5.9).</summary>
    public static string Created(IGameSeat seat) => seat.OpponentIsComputer
        ? ProtocolTexts.CreatedVsComputer(seat.Keys, seat.Color)
        : ProtocolTexts.CreatedVsHuman(seat.Keys, seat.Color);

    /// <summary>The explanation of a successful join_game_response (docs/PROTOCOL.md §5.9).</summary>
    public static string Joined(IGameSeat seat) => ProtocolTexts.Joined(seat.Color, seat.OpponentIsComputer);

    /// <summary>The explanation of a game_action_response, accepted or not.</summary>
    public static string Action(ActionReply reply, string actionType, GameStatus status)
    {
        if (reply.Outcome is { } outcome)
        {
            return RuleTexts.For(outcome)
                ?? (outcome.Accepted ? ProtocolTexts.Done(actionType) : ProtocolTexts.NotPermitted(actionType, status));
        }

        return reply.Failure switch
        {
            null => ProtocolTexts.Done(actionType),
            ActionFailure.NotPermitted => ProtocolTexts.NotPermitted(actionType, status),
            _ => Failure(reply),
        };
    }

    /// <summary>Why a chat line was not posted.</summary>
    public static string Chat(ActionReply reply) => Failure(reply);

    public static string Chat(ChatRefusal refusal) => refusal switch
    {
        ChatRefusal.TooLong => ProtocolTexts.ChatTooLong(ChatRules.MaxLength),
        ChatRefusal.HasNul => ProtocolTexts.ChatHasNul,
        _ => ProtocolTexts.ChatEmpty,
    };

    /// <summary>The explanation of a failed join_game_response (a wrong computer secret is an error instead).</summary>
    public static string JoinFailure(SeatOutcome outcome, string key) => outcome.Failure switch
    {
        SeatFailure.NotFound or SeatFailure.Invalid => ProtocolTexts.KeyNotFound(key),
        SeatFailure.InUse => ProtocolTexts.SomeoneElsePlaying(key),
        SeatFailure.AlreadyHolding => ProtocolTexts.AlreadyPlaying(key),
        SeatFailure.ComputerOnly => ProtocolTexts.ComputerOnly(key),
        SeatFailure.WrongSecret => ProtocolTexts.WrongSecret,
        _ => ProtocolTexts.ServiceUnavailable,
    };

    /// <summary>The explanation of a failed new_game_response.</summary>
    public static string CreateFailure(SeatOutcome outcome) => outcome.Settings switch
    {
        SettingsRefusal.BoardSize => ProtocolTexts.BoardSizeRefused,
        SettingsRefusal.Komi => ProtocolTexts.KomiRefused,
        _ => ProtocolTexts.ServiceUnavailable,
    };

    private static string Failure(ActionReply reply) => reply.Failure switch
    {
        ActionFailure.Preempted => ProtocolTexts.Preempted,
        ActionFailure.SeatReleased => ProtocolTexts.SeatReleased,
        ActionFailure.Unavailable => ProtocolTexts.SaveUnavailable,
        ActionFailure.ChatRefused when reply.ChatRefusal is { } refusal => Chat(refusal),
        ActionFailure.OpponentNotGone => ProtocolTexts.OpponentNotGone,
        _ => ProtocolTexts.ServiceUnavailable,
    };
}
