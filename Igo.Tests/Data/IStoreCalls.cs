namespace Igo.Tests.Data;

/// <summary>
/// Records what the app asks of one store while an operation runs: on PostgreSQL each round trip (a command, or a
/// batch of statements sent at once), on SQLite each statement and each transaction begun.
/// </summary>
internal interface IStoreCalls : IDisposable
{
    /// <summary>The calls <paramref name="operation"/> made, in order, each as its statement text.</summary>
    Task<IReadOnlyList<string>> DuringAsync(Func<Task> operation);
}
