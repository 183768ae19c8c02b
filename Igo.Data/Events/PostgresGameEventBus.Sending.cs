using Microsoft.Extensions.Logging;
using Npgsql;

namespace Igo.Data.Events;

/// <summary>
/// The bus's sending side: one loop drains the outbox into coalesced NOTIFY round trips, retries a failed batch with
/// back-off, and flushes what is left when the instance stops.
/// </summary>
public sealed partial class PostgresGameEventBus
{
    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var batch = new List<GameEvent>();
        try
        {
            while (await outbox.Reader.WaitToReadAsync(stoppingToken))
            {
                // Whatever queued up while the previous batch was in flight goes out together: coalescing under load
                // without delaying a lone event.
                while (batch.Count < options.MaxEventsPerBatch && outbox.Reader.TryRead(out var gameEvent))
                {
                    batch.Add(gameEvent);
                }

                await NotifyWithRetryAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushAtStopAsync(batch);
        }
    }

    private async Task NotifyWithRetryAsync(List<GameEvent> batch, CancellationToken cancellationToken)
    {
        var payloads = GameEventCodec.Encode(batch);
        var delay = options.ReconnectMinDelay;
        while (true)
        {
            try
            {
                await NotifyAsync(payloads, cancellationToken);
                metrics.NotifyBatch(batch.Count);
                Interlocked.Add(ref eventsSent, batch.Count);
                Interlocked.Increment(ref notifyRoundTrips);
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LogNotifyFailed(exception, batch.Count, delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken);
                delay = Next(delay);
            }
        }
    }

    private async Task NotifyAsync(IReadOnlyList<string> payloads, CancellationToken cancellationToken)
    {
        if (payloads.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var notify = new NpgsqlBatch(connection);
        foreach (var payload in payloads)
        {
            var command = new NpgsqlBatchCommand("SELECT pg_notify($1, $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = options.Channel });
            command.Parameters.Add(new NpgsqlParameter { Value = payload });
            notify.BatchCommands.Add(command);
        }

        // One batch is one implicit transaction: one notifying commit for all of it.
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task FlushAtStopAsync(List<GameEvent> batch)
    {
        while (outbox.Reader.TryRead(out var gameEvent))
        {
            batch.Add(gameEvent);
        }

        if (batch.Count == 0)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await NotifyAsync(GameEventCodec.Encode(batch), timeout.Token);
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            LogNotifyFailed(exception, batch.Count, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {EventCount} events failed; retrying in {DelayMs} ms")]
    private partial void LogNotifyFailed(Exception exception, int eventCount, double delayMs);
}
