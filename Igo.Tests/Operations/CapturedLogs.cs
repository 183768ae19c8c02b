using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Igo.Tests.Operations;

/// <summary>One log line as a sink received it: its category, rendered text, exception text and scope properties.</summary>
public sealed record CapturedLine(string Category, string Text, string? Exception, IReadOnlyDictionary<string, string?> Scope);

/// <summary>A logging provider that keeps every line with the properties of the scopes it was written in.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLine> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLine> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, string?>();
            owner.scopes.ForEachScope(
                (value, properties) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var pair in pairs)
                        {
                            properties[pair.Key] = pair.Value?.ToString();
                        }
                    }
                },
                scope);
            owner.lines.Enqueue(new CapturedLine(category, formatter(state, exception), exception?.ToString(), scope));
        }
    }
}
