using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Igo.Tests.Data;

/// <summary>
/// Counts the round trips the app makes to one PostgreSQL database: Npgsql traces every command and batch it sends
/// (one activity each; a batch is one round trip however many statements it carries). The event bus's NOTIFY batches
/// and the presence lease's heartbeats are left out: they are shared by all games and timed by themselves.
/// </summary>
internal sealed partial class NpgsqlRoundTrips : IStoreCalls
{
    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<string> sent = new();
    private readonly string database;

    public NpgsqlRoundTrips(string database)
    {
        this.database = database;
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public async Task<IReadOnlyList<string>> DuringAsync(Func<Task> operation)
    {
        sent.Clear();
        await operation();
        return [.. sent];
    }

    public void Dispose() => listener.Dispose();

    /// <summary>The presence lease's own statements, on the instances table (a game's load joins it, and counts).</summary>
    [GeneratedRegex(@"\b(FROM|UPDATE|INTO)\s+""?instances\b")]
    private static partial Regex LeaseStatement();

    private void Record(Activity activity)
    {
        var values = activity.TagObjects.Select(tag => tag.Value as string).OfType<string>().ToList();
        var statement = (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) as string;
        if (statement is null || !values.Any(value => value.Contains(database, StringComparison.Ordinal))
            || statement.Contains("pg_notify", StringComparison.Ordinal) || LeaseStatement().IsMatch(statement))
        {
            return;
        }

        sent.Enqueue(string.Join(' ', statement.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
    }
}
