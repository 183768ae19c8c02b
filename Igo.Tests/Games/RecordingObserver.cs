using System.Threading.Channels;
using Igo.Domain;
using Igo.Testing.Waiting;
using Igo.Tests.Data;
using Igo.Web.Games;

namespace Igo.Tests.Games;

/// <summary>An observer that records what it is told, notices overlapping calls, and waits with a deadline.</summary>
internal sealed class RecordingObserver : ISpectatorObserver
{
    private readonly Channel<object> calls = Channel.CreateUnbounded<object>();
    private int inside;

    public int Overlaps { get; private set; }

    public List<object> Seen { get; } = [];

    public Task OnGameChangedAsync(GameSnapshot snapshot) => RecordAsync(snapshot);

    public Task OnChatAsync(ChatMessage message) => RecordAsync(message);

    public Task OnPresenceAsync(Color color, bool connected) => RecordAsync(new Presence(color, connected));

    /// <summary>Recorded too, so that a test can tell whether a player's subscription was told (it must not be).</summary>
    public Task OnSpectatorChatAsync(SpectatorMessage message) => RecordAsync(message);

    /// <summary>Waits for the first call of type <typeparamref name="T"/> that matches, skipping others.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? match = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(EventRecorder.Deadline);
        while (true)
        {
            object next;
            try
            {
                next = await calls.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching {typeof(T).Name} within {EventRecorder.Deadline}; saw: {string.Join(", ", Seen.Select(Describe))}");
            }

            if (next is T typed && (match is null || match(typed)))
            {
                return typed;
            }
        }
    }

    /// <summary>Waits until everything seen so far satisfies <paramref name="condition"/>, whatever order it came in.</summary>
    public Task WaitUntilSeenAsync(Func<IReadOnlyList<object>, bool> condition) =>
        Eventually.ObservesAsync(
            () =>
            {
                lock (Seen)
                {
                    return new SeenSoFar([.. Seen]);
                }
            },
            seen => condition(seen.Calls),
            TestContext.Current.CancellationToken,
            EventRecorder.Deadline,
            "the calls seen to satisfy the condition");

    public Task<GameSnapshot> WaitForVersionAsync(int version) => WaitForAsync<GameSnapshot>(s => s.View.Version >= version);

    private async Task RecordAsync(object call)
    {
        if (Interlocked.Increment(ref inside) > 1)
        {
            Overlaps++;
        }

        lock (Seen)
        {
            Seen.Add(call);
        }

        await Task.Yield();
        calls.Writer.TryWrite(call);
        Interlocked.Decrement(ref inside);
    }

    private static string Describe(object call) => call switch
    {
        GameSnapshot s => $"game v{s.View.Version}",
        ChatMessage c => $"chat {c.Id}",
        SpectatorMessage m => $"spectator chat {m.Id}",
        Presence p => $"presence {p.Color} {p.Connected}",
        _ => call.ToString() ?? "?",
    };

    public sealed record Presence(Color Color, bool Connected);

    /// <summary>The calls seen at one moment, described briefly when a wait for them fails.</summary>
    private sealed record SeenSoFar(IReadOnlyList<object> Calls)
    {
        public override string ToString() => string.Join(", ", Calls.Select(Describe));
    }
}

/// <summary>An observer whose every call fails, to show that it harms nobody else.</summary>
internal sealed class ThrowingObserver : IGameObserver
{
    public Task OnGameChangedAsync(GameSnapshot snapshot) => throw new InvalidOperationException("observer bug");

    public Task OnChatAsync(ChatMessage message) => throw new InvalidOperationException("observer bug");

    public Task OnPresenceAsync(Color color, bool connected) => throw new InvalidOperationException("observer bug");
}
