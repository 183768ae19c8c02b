using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Igo.Testing.Waiting;

/// <summary>
/// Waits for a state that other threads or processes bring about, by looking at it again and again until it holds or
/// the timeout passes. The timeout only bounds a failing wait: a passing one returns as soon as the state is seen. A
/// timeout fails with what was awaited (by default the condition's own source text) and what was last seen.
/// </summary>
public static class Eventually
{
    /// <summary>Long enough for a loaded machine; a state that takes longer is a failure.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits until <paramref name="condition"/> is true.</summary>
    public static Task HoldsAsync(
        Func<bool> condition,
        CancellationToken cancellationToken,
        TimeSpan? timeout = null,
        [CallerArgumentExpression(nameof(condition))] string awaited = "")
    {
        ArgumentNullException.ThrowIfNull(condition);
        return QueriesAsync(() => Task.FromResult(condition()), held => held, cancellationToken, timeout, awaited);
    }

    /// <summary>Waits until the asynchronous <paramref name="condition"/> is true.</summary>
    public static Task HoldsAsync(
        Func<Task<bool>> condition,
        CancellationToken cancellationToken,
        TimeSpan? timeout = null,
        [CallerArgumentExpression(nameof(condition))] string awaited = "") =>
        QueriesAsync(condition, held => held, cancellationToken, timeout, awaited);

    /// <summary>Waits until <paramref name="observe"/> returns a value that <paramref name="holds"/> accepts, and returns it.</summary>
    public static Task<T> ObservesAsync<T>(
        Func<T> observe,
        Func<T, bool> holds,
        CancellationToken cancellationToken,
        TimeSpan? timeout = null,
        [CallerArgumentExpression(nameof(holds))] string awaited = "")
    {
        ArgumentNullException.ThrowIfNull(observe);
        return QueriesAsync(() => Task.FromResult(observe()), holds, cancellationToken, timeout, awaited);
    }

    /// <summary>
    /// Waits until the asynchronous <paramref name="query"/> (of a database, a server) returns a value that
    /// <paramref name="holds"/> accepts, and returns it.
    /// </summary>
    public static async Task<T> QueriesAsync<T>(
        Func<Task<T>> query,
        Func<T, bool> holds,
        CancellationToken cancellationToken,
        TimeSpan? timeout = null,
        [CallerArgumentExpression(nameof(holds))] string awaited = "")
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(holds);
        var limit = timeout ?? DefaultTimeout;
        var waited = Stopwatch.StartNew();
        var pause = FirstPause;
        while (true)
        {
            var seen = await query();
            if (holds(seen))
            {
                return seen;
            }

            if (waited.Elapsed >= limit)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"Waited {limit.TotalSeconds:0.###} s for {awaited}; last saw: {Describe(seen)}"));
            }

            await Task.Delay(pause, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    private static string Describe<T>(T seen) => seen switch
    {
        null => "null",
        string text => $"\"{text}\"",
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items => $"[{string.Join(", ", items.Cast<object?>())}]",
        _ => Convert.ToString(seen, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
