using Igo.Data.Diagnostics;
using Igo.Domain;
using Igo.Web.Games;
using Igo.Web.Security;

namespace Igo.Web.Compat;

/// <summary>
/// One igo-frontend connection's conversation: it holds at most one seat (player key) and turns the four inbound message
/// types into coordinator calls and answers (docs/PROTOCOL.md §2.3). Messages are handled one at a time, in order; the
/// order of what goes back is kept by <see cref="SessionOutput"/>. Disposing it gives the seat up (the key is released).
/// </summary>
internal sealed partial class CompatSession(
    IGameCoordinator coordinator,
    SeatHolder holder,
    HeldKeys heldKeys,
    AddressAllowance allowance,
    string? computerLevel,
    IOutboundSink sink,
    IgoMetrics metrics,
    ILogger logger) : IAsyncDisposable
{
    private readonly SessionOutput output = new(sink);
    private IGameSeat? seat;
    private IDisposable? subscription;

    public string ConnectionId => holder.ConnectionId;

    /// <summary>Answers a frame that was refused before it became a message (malformed, binary, wrong types).</summary>
    public void Refuse(string error) => output.Send(OutboundMessages.Error(error));

    public async Task HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            switch (message)
            {
                case NewGameMessage newGame:
                    await NewGameAsync(newGame, cancellationToken);
                    break;
                case JoinGameMessage join:
                    await JoinGameAsync(join, cancellationToken);
                    break;
                case GameActionMessage action:
                    await ActAsync(action, cancellationToken);
                    break;
                case ChatInMessage chat:
                    await ChatAsync(chat, cancellationToken);
                    break;
                default:
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One message's failure is answered and logged; the connection serves the next.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            // The exception's text stays in the log; the client gets a plain sentence.
            CompatLog.MessageFailed(logger, failure, message.GetType().Name, holder.ConnectionId);
            output.Answer(OutboundMessages.Error(ProtocolTexts.InternalError), produced: null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        output.End();
        await ReleaseAsync(seat, subscription);
        seat = null;
        subscription = null;
    }

    private async Task NewGameAsync(NewGameMessage message, CancellationToken cancellationToken)
    {
        if (FrontendLimits.NewGameRefusal(message.Size, message.Komi) is { } refusal)
        {
            metrics.InputRejected("bad_request");
            output.Send(OutboundMessages.NewGameResponse(null, null, refusal));
            return;
        }

        var request = new NewGameRequest(
            (int)message.Size,
            Ruleset.Japanese(message.Komi),
            message.Color,
            message.Opponent,
            message.Opponent == OpponentKind.Computer ? computerLevel : null);
        var outcome = await coordinator.CreateGameAsync(request, holder, cancellationToken);
        if (outcome.Seat is not { } created)
        {
            output.Send(OutboundMessages.NewGameResponse(null, null, OutcomeTexts.CreateFailure(outcome)));
            return;
        }

        var text = OutcomeTexts.Created(created);
        await TakeSeatAsync(created, OutboundMessages.NewGameResponse(created.Keys, created.Color, text), isNewGame: true, cancellationToken);
    }

    private async Task JoinGameAsync(JoinGameMessage message, CancellationToken cancellationToken)
    {
        var key = message.Key;
        if (seat is not null && string.Equals(seat.Key, key, StringComparison.Ordinal))
        {
            output.Send(JoinRefused(ProtocolTexts.AlreadyPlaying(key)));
            return;
        }

        // A throttled address is refused before the coordinator is asked, whatever the key: an answer that told a good
        // key from a bad one would let the guessing go on.
        using var attempt = allowance.BeginJoin();
        if (attempt.Refusal is { } throttled)
        {
            metrics.InputRejected("join_throttled");
            output.Send(JoinRefused(throttled));
            return;
        }

        if (!PlayerKeys.IsWellFormed(key))
        {
            allowance.CountFailedJoin(attempt);
            output.Send(JoinRefused(ProtocolTexts.KeyNotFound(EchoText.Shorten(key))));
            return;
        }

        var outcome = await coordinator.JoinGameAsync(key, message.ComputerSecret, holder, cancellationToken);
        if (outcome.Seat is not { } joined)
        {
            // Only a key that matches nothing (or a wrong secret) is a guess; "in use" after a reconnect race is not.
            if (JoinAttempt.IsGuess(outcome.Failure))
            {
                allowance.CountFailedJoin(attempt);
            }

            if (outcome.Failure == SeatFailure.WrongSecret)
            {
                // The original raised here (an error, not a response); only a computer player's client sends secrets.
                output.Send(OutboundMessages.Error(ProtocolTexts.WrongSecret));
                return;
            }

            output.Send(JoinRefused(OutcomeTexts.JoinFailure(outcome, key)));
            return;
        }

        if (!FrontendLimits.CanShow(joined.Snapshot.View.Size))
        {
            var size = joined.Snapshot.View.Size;
            await ReleaseAsync(joined, subscriptionToEnd: null);
            output.Send(JoinRefused(ProtocolTexts.UnsupportedBoardSize(size)));
            return;
        }

        var text = OutcomeTexts.Joined(joined);
        await TakeSeatAsync(joined, OutboundMessages.JoinGameResponse(joined.Keys, joined.Color, text), isNewGame: false, cancellationToken);
    }

    /// <summary>
    /// Makes a seat just created or joined this connection's seat: subscribes, reads its state and chat, sends the four
    /// messages in order, and only then gives up the previous seat (docs/PROTOCOL.md §4: released only after the new join succeeded).
    /// </summary>
    private async Task TakeSeatAsync(IGameSeat taken, byte[] response, bool isNewGame, CancellationToken cancellationToken)
    {
        var decliner = new UndoDecliner(taken, logger);
        var events = new SeatEvents(output, decliner);
        IDisposable? taking = null;
        IReadOnlyList<ChatMessage> thread;
        try
        {
            taking = taken.Subscribe(events);
            thread = isNewGame ? [] : await taken.ChatThreadAsync(cancellationToken);
        }
        catch
        {
            output.Discard(events);
            await ReleaseAsync(taken, taking);
            throw;
        }

        var snapshot = taken.Snapshot;
        var previous = seat;
        var previousSubscription = subscription;

        // The previous seat of the same game, other colour: it is released right below, so the opponent now is not connected.
        var switchingColour = previous is not null && previous.GameId == taken.GameId && previous.Color != taken.Color;
        var opponentConnected = !switchingColour && snapshot.Connected[taken.Color.Opponent()];

        heldKeys.Hold(taken.Key, holder.ConnectionId);
        seat = taken;
        subscription = taking;
        output.Begin(events, taken.Color, response, snapshot, thread, opponentConnected, switchingColour ? taken.Color : null);
        decliner.Consider(snapshot);

        if (previous is not null)
        {
            await ReleaseAsync(previous, previousSubscription);
        }
    }

    /// <summary>The seat a game_action or chat_message names, or null after sending the original's error (docs/PROTOCOL.md §3.4).</summary>
    private IGameSeat? SeatFor(string key)
    {
        if (seat is not null && string.Equals(seat.Key, key, StringComparison.Ordinal))
        {
            return seat;
        }

        metrics.InputRejected("unknown_key");
        var shown = EchoText.Shorten(key);
        var error = !heldKeys.IsHeld(key) ? ProtocolTexts.UnknownKey(shown)
            : seat is null ? ProtocolTexts.NotSubscribed
            : ProtocolTexts.NotSubscribedToKey(shown);
        output.Send(OutboundMessages.Error(error));
        return null;
    }

    private static byte[] JoinRefused(string explanation) => OutboundMessages.JoinGameResponse(null, null, explanation);

    /// <summary>Gives a seat up: no more events, and the key released on every instance. Failures are logged, never thrown.</summary>
    private async Task ReleaseAsync(IGameSeat? released, IDisposable? subscriptionToEnd)
    {
        if (released is null)
        {
            return;
        }

        heldKeys.Release(released.Key, holder.ConnectionId);
        try
        {
            subscriptionToEnd?.Dispose();
            await released.DisposeAsync();
        }
#pragma warning disable CA1031 // A failed release is the lease's to clean up; closing the socket must not fail.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            CompatLog.ReleaseFailed(logger, failure, holder.ConnectionId);
        }
    }
}
