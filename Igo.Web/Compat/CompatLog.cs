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

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Compatibility connection {ConnectionId} sent messages too fast and was disconnected")]
    public static partial void Flooding(ILogger logger, string connectionId);

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
}
