using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Igo.Tests.Data;

/// <summary>
/// Counts what the app asks of one SQLite file: every store call goes through EF Core, which reports each command it
/// executes and each transaction it begins and commits to its diagnostic listeners, so every statement SQLite runs is
/// seen, a transaction's as "BEGIN" and "COMMIT". The
/// presence lease's writes are left out: they are shared by all games and timed by themselves.
/// </summary>
/// <remarks>
/// EF Core decides whether anyone listens for commands once a second at most (its logging cache), so create this
/// before the instances start, or the first second's commands go unseen.
/// </remarks>
internal sealed class SqliteCalls : IStoreCalls, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly ConcurrentQueue<string> sent = new();
    private readonly ConcurrentBag<IDisposable> subscriptions = [];
    private readonly string folder;

    public SqliteCalls(string folder)
    {
        this.folder = folder;
        subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public async Task<IReadOnlyList<string>> DuringAsync(Func<Task> operation)
    {
        sent.Clear();
        await operation();
        return [.. sent];
    }

    public void Dispose()
    {
        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            subscriptions.Add(value.Subscribe(this));
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        var (connection, statement) = value.Value switch
        {
            CommandExecutedEventData executed => (executed.Command.Connection, executed.Command.CommandText),
            TransactionEventData begun when value.Key == RelationalEventId.TransactionStarted.Name => (begun.Transaction.Connection, "BEGIN"),
            TransactionEventData ending when value.Key == RelationalEventId.TransactionCommitting.Name => (ending.Transaction.Connection, "COMMIT"),
            _ => (null, null),
        };
        if (statement is null || !IsMine(connection) || statement.Contains("\"instances\"", StringComparison.Ordinal))
        {
            return;
        }

        sent.Enqueue(string.Join(' ', statement.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    private bool IsMine(DbConnection? connection) =>
        connection?.DataSource is { } file && file.StartsWith(folder, StringComparison.Ordinal);
}
