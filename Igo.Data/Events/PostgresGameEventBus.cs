using System.Threading.Channels;
using Igo.Data.Configuration;
using Igo.Data.Diagnostics;
using Igo.Data.Presence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Igo.Data.Events;

/// <summary>
/// The bus across instances: PostgreSQL LISTEN/NOTIFY on one channel, with one dedicated listener connection per
/// instance. Published events queue up and go out in coalesced batches (many events per payload, many payloads per
/// round trip: docs/decisions/0002-event-bus-coalescing.md). The listener reconnects with back-off and then raises
/// <see cref="ResyncNeeded"/> for every subscribed game, since it may have missed events while it was away. Its
/// connection also holds this instance's presence lock (docs/decisions/0007-listener-lock.md): it listens only while
/// it holds the lock, so other instances can tell from the lock whether this one is still there.
/// </summary>
public sealed partial class PostgresGameEventBus : BackgroundService, IGameEventBus
{
    private readonly Channel<GameEvent> outbox = Channel.CreateUnbounded<GameEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NpgsqlDataSource dataSource;
    private readonly EventBusOptions options;
    private readonly ILogger<PostgresGameEventBus> logger;
    private readonly GameSubscriptions subscriptions;
    private readonly NpgsqlDataSource listenerSource;
    private readonly Guid me;
    private readonly long lockKey;
    private readonly IgoMetrics metrics;
    private readonly TimeProvider time;
    private long eventsSent;
    private long notifyRoundTrips;
    private long listeningSinceTicks;

    public PostgresGameEventBus(
        NpgsqlDataSource dataSource,
        PostgresConnections connections,
        IgoInstance instance,
        IOptions<EventBusOptions> options,
        IgoMetrics metrics,
        TimeProvider time,
        ILogger<PostgresGameEventBus> logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(options);
        this.dataSource = dataSource;
        this.options = options.Value;
        this.logger = logger;
        this.metrics = metrics;
        this.time = time;
        me = instance.Id;
        lockKey = PresenceLock.Key(instance.Id);
        subscriptions = new GameSubscriptions(logger);
        // Its own (unpooled) data source only for its name: Npgsql's metrics label a source by its name, else by its
        // connection string.
        listenerSource = new NpgsqlDataSourceBuilder(connections.Listener) { Name = PostgresConnections.ListenerApplicationName(instance.Id) }.Build();
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

    public bool IsListening => ListeningSince is not null;

    /// <summary>Since when the listener has been connected, listening and holding this instance's presence lock; null while it is not.</summary>
    public DateTimeOffset? ListeningSince => Volatile.Read(ref listeningSinceTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public override void Dispose()
    {
        base.Dispose();
        listenerSource.Dispose();
    }

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
                await using var connection = listenerSource.CreateConnection();
                connection.Notification += OnNotification;
                await connection.OpenAsync(stoppingToken);
                if (await TakePresenceLockAsync(connection, stoppingToken))
                {
                    await using (var listen = new NpgsqlCommand($"LISTEN {QuoteIdentifier(options.Channel)}", connection))
                    {
                        await listen.ExecuteNonQueryAsync(stoppingToken);
                    }

                    delay = options.ReconnectMinDelay;
                    Volatile.Write(ref listeningSinceTicks, time.GetUtcNow().UtcTicks);
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

                    // No timeout: an idle listener just waits (a timed wait would throw and catch at every tick), and the
                    // kernel's keepalive probes notice a server that vanished.
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await connection.WaitAsync(stoppingToken);
                    }
                }
                else
                {
                    LogPresenceLockHeldElsewhere(delay.TotalMilliseconds);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                Volatile.Write(ref listeningSinceTicks, 0);
                return;
            }
#pragma warning disable CA1031 // Any failure of the listener connection means: wait and reconnect.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogListenerLost(exception, delay.TotalMilliseconds);
            }

            Volatile.Write(ref listeningSinceTicks, 0);
            if (!await DelayAsync(delay, stoppingToken))
            {
                return;
            }

            delay = Next(delay);
        }
    }

    /// <summary>
    /// Takes this instance's presence lock on the listener's session, and has the server probe this connection too, so
    /// that a session the server kept after this end gave it up (a network cut) ends and frees the lock within seconds.
    /// False when another session holds the lock: that kept session, or another process with the same instance id.
    /// </summary>
    private async Task<bool> TakePresenceLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            PresenceLock.TrySql + ", set_config('tcp_keepalives_idle', $2, false), set_config('tcp_keepalives_interval', $3, false)",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = lockKey });
        command.Parameters.Add(new NpgsqlParameter { Value = Seconds(options.KeepAlive) });
        command.Parameters.Add(new NpgsqlParameter { Value = Seconds(options.KeepAliveInterval) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && reader.GetBoolean(0);
    }

    private static string Seconds(TimeSpan value) => ((int)value.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "This instance's presence lock is held by another session (its previous listener connection, which the server has not dropped yet, or another process with the same Igo:InstanceId); trying again in {DelayMs} ms")]
    private partial void LogPresenceLockHeldElsewhere(double delayMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ignored a notification payload of {Length} characters that is not in the event format")]
    private partial void LogBadPayload(Exception exception, int length);
}
