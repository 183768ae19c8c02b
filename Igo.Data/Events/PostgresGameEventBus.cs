using System.Threading.Channels;
using Igo.Data.Configuration;
using Igo.Data.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Igo.Data.Events;

/// <summary>
/// The bus across instances: PostgreSQL LISTEN/NOTIFY on one channel, with one dedicated listener connection per
/// instance. Published events queue up and go out in coalesced batches (many events per payload, many payloads per
/// round trip: docs/decisions/0002-event-bus-coalescing.md). The listener reconnects with back-off and then raises
/// <see cref="ResyncNeeded"/> for every subscribed game, since it may have missed events while it was away.
/// </summary>
public sealed partial class PostgresGameEventBus : BackgroundService, IGameEventBus
{
    private readonly Channel<GameEvent> outbox = Channel.CreateUnbounded<GameEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NpgsqlDataSource dataSource;
    private readonly EventBusOptions options;
    private readonly ILogger<PostgresGameEventBus> logger;
    private readonly GameSubscriptions subscriptions;
    private readonly string listenerConnectionString;
    private readonly Guid me;
    private readonly IgoMetrics metrics;
    private readonly TimeProvider time;
    private long eventsSent;
    private long notifyRoundTrips;
    private volatile bool listening;

    public PostgresGameEventBus(
        NpgsqlDataSource dataSource,
        StoreSettings store,
        IgoInstance instance,
        IOptions<EventBusOptions> options,
        IgoMetrics metrics,
        TimeProvider time,
        ILogger<PostgresGameEventBus> logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        this.dataSource = dataSource;
        this.options = options.Value;
        this.logger = logger;
        this.metrics = metrics;
        this.time = time;
        me = instance.Id;
        subscriptions = new GameSubscriptions(logger);
        // From the configured string, not the data source's: that one leaves the password out.
        listenerConnectionString = new NpgsqlConnectionStringBuilder(store.ConnectionString)
        {
            Pooling = false,
            KeepAlive = this.options.KeepAliveSeconds,
            TcpKeepAlive = true,
            ApplicationName = $"igo-listener-{instance.Id:N}",
        }.ConnectionString;
    }

    /// <summary>Events sent so far and the round trips that carried them (how well the bus coalesces).</summary>
    public (long Events, long RoundTrips) Sent => (Interlocked.Read(ref eventsSent), Interlocked.Read(ref notifyRoundTrips));

    public ValueTask PublishAsync(IReadOnlyList<GameEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var gameEvent in events)
        {
            outbox.Writer.TryWrite(gameEvent);
        }

        return ValueTask.CompletedTask;
    }

    public IDisposable Subscribe(long gameId, Action<GameEvent> handler) => subscriptions.Add(gameId, handler);

    public bool IsListening => listening;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var delay = options.ReconnectMinDelay;
        var everListened = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listenerConnectionString);
                connection.Notification += OnNotification;
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {QuoteIdentifier(options.Channel)}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                delay = options.ReconnectMinDelay;
                listening = true;
                if (everListened)
                {
                    metrics.ListenerReconnected();
                }

                everListened = true;
                var games = subscriptions.GameIds();
                LogListening(options.Channel, connection.ProcessID, games.Count);

                // Anything committed while we were not listening reached nobody here: every subscribed game re-reads.
                foreach (var gameId in games)
                {
                    subscriptions.Dispatch(new ResyncNeeded(gameId));
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                listening = false;
                return;
            }
#pragma warning disable CA1031 // Any failure of the listener connection means: wait and reconnect.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                listening = false;
                LogListenerLost(exception, delay.TotalMilliseconds);
                if (!await DelayAsync(delay, stoppingToken))
                {
                    return;
                }

                delay = Next(delay);
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        IReadOnlyList<GameEvent> events;
        try
        {
            events = GameEventCodec.Decode(notification.Payload);
        }
        catch (FormatException exception)
        {
            LogBadPayload(exception, notification.Payload.Length);
            return;
        }

        var now = time.GetUtcNow();
        foreach (var gameEvent in events)
        {
            if (gameEvent is ActionCommitted committed)
            {
                metrics.EventDelivered(now - committed.Action.At, committed.Origin == me);
            }

            subscriptions.Dispatch(gameEvent);
        }
    }

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

    private TimeSpan Next(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.ReconnectMaxDelay.Ticks));

    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening on channel {Channel} (backend {ProcessId}); resyncing {GameCount} subscribed games")]
    private partial void LogListening(string channel, int processId, int gameCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event listener connection lost; reconnecting in {DelayMs} ms")]
    private partial void LogListenerLost(Exception exception, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {EventCount} events failed; retrying in {DelayMs} ms")]
    private partial void LogNotifyFailed(Exception exception, int eventCount, double delayMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ignored a notification payload of {Length} characters that is not in the event format")]
    private partial void LogBadPayload(Exception exception, int length);
}
