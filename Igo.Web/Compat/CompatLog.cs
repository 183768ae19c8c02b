using System.Net;
namespace Igo.Web.Compat;

/// <summary>The endpoint's log events (structured templates; never a player key or secret).</summary>
internal static partial class CompatLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Compatibility connection {ConnectionId} opened")]
    public static partial void Opened(ILogger logger, string connectionId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Compatibility connection {ConnectionId} closed after {Messages} messages")]
    public static partial void Closed(ILogger logger, string connectionId, long messages);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Refused a compatibility connection from origin {Origin}")]
    public static partial void OriginRefused(ILogger logger, string origin);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Compatibility connection {ConnectionId} had {Limit} messages waiting for an answer, sent more, and was disconnected")]
    public static partial void Flooding(ILogger logger, string connectionId, int limit);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Debug, Message = "Compatibility connection {ConnectionId} sends ahead of its answers faster than allowed; its socket is read more slowly from now")]
    public static partial void Slowed(ILogger logger, string connectionId);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Compatibility connection {ConnectionId} sent a message over {Limit} bytes and was disconnected")]
    public static partial void TooLarge(ILogger logger, string connectionId, int limit);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Compatibility connection {ConnectionId} did not read its messages and was disconnected")]
    public static partial void SlowReader(ILogger logger, string connectionId);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Error, Message = "Handling a {MessageKind} on compatibility connection {ConnectionId} failed")]
    public static partial void MessageFailed(ILogger logger, Exception exception, string messageKind, string connectionId);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Error, Message = "Releasing the key of compatibility connection {ConnectionId} failed")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Declining an undo request for a compatibility player failed")]
    public static partial void DeclineFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Debug, Message = "Compatibility connection {ConnectionId} ended abruptly")]
    public static partial void Broken(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "Refused a compatibility connection from {ClientAddress}: it already holds {Limit} connections")]
    public static partial void TooManyConnections(ILogger logger, IPAddress clientAddress, int limit);

    // Warning once, when an address runs out of attempts; every refusal after that is only Debug (and counted in the
    // igo.inputs.rejected metric), so that someone hammering the endpoint cannot flood the log.
    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "Failed joins from {ClientAddress} are throttled from now (connection {ConnectionId})")]
    public static partial void JoinsThrottled(ILogger logger, IPAddress clientAddress, string connectionId);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Debug, Message = "Refused a join from throttled {ClientAddress} (connection {ConnectionId})")]
    public static partial void JoinRefusedThrottled(ILogger logger, IPAddress clientAddress, string connectionId);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Debug, Message = "Refused a chat message from {ClientAddress}: over its rate (connection {ConnectionId})")]
    public static partial void ChatThrottled(ILogger logger, IPAddress clientAddress, string connectionId);
}
