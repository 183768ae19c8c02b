using System.Collections.Concurrent;
using System.Net;
using System.Runtime.ExceptionServices;
using Igo.Tests.Data;

namespace Igo.Tests.Operations;

[Trait("Category", "Operations")]
public sealed class IdleServerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    /// <summary>Several turns of every periodic loop: the keepalive set below (1 s), the lease heartbeat (0.5 s by default).</summary>
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task An_idle_app_on_PostgreSQL_throws_no_exception_at_all()
    {
        using var thrown = new ExceptionsThrownBy();
        var app = thrown.Start(() => OperationsHelpers.StartOnPostgres(database.ConnectionString, extra: new Dictionary<string, string?>
        {
            // Short periods, so that the window sees each loop several times: the listener's keepalive (the old
            // keepalive timed its wait out and caught the exception), the lease heartbeat and the listener-lock look.
            ["Igo:Events:KeepAlive"] = "00:00:01",
            ["Igo:Events:KeepAliveInterval"] = "00:00:01",
        }));
        await using (app)
        {
            using var client = OperationsHelpers.Client(app.BaseAddress);
            await OperationsHelpers.WaitForReadinessAsync(client, HttpStatusCode.OK);

            // Past the start-up (the first lease look, the listener lock settling: 0.5 s back-off and two heartbeats).
            await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
            thrown.Counting = true;
            await Task.Delay(Window, TestContext.Current.CancellationToken);
            thrown.Counting = false;
        }

        Assert.True(thrown.Exceptions.Count == 0, $"an idle app threw {thrown.Exceptions.Count} exceptions in {Window.TotalSeconds} s:\n{string.Join("\n\n", thrown.Exceptions.Take(4))}");
    }

    /// <summary>
    /// Counts the first-chance exceptions thrown by what was started inside <see cref="Start{T}"/>: an async-local mark
    /// set there flows into every task, timer and loop the app starts, and nothing else in this test process (other
    /// tests run in parallel) carries it.
    /// </summary>
    private sealed class ExceptionsThrownBy : IDisposable
    {
        private static readonly AsyncLocal<ExceptionsThrownBy?> Owner = new();
        private readonly ConcurrentQueue<string> exceptions = new();
        private volatile bool counting;

        public ExceptionsThrownBy() => AppDomain.CurrentDomain.FirstChanceException += OnThrown;

        public bool Counting
        {
            get => counting;
            set => counting = value;
        }

        public IReadOnlyList<string> Exceptions => [.. exceptions];

        public T Start<T>(Func<T> start)
        {
            var before = Owner.Value;
            Owner.Value = this;
            try
            {
                return start();
            }
            finally
            {
                Owner.Value = before;
            }
        }

        public void Dispose() => AppDomain.CurrentDomain.FirstChanceException -= OnThrown;

        private static void OnThrown(object? sender, FirstChanceExceptionEventArgs thrown)
        {
            if (Owner.Value is { Counting: true } owner)
            {
                owner.exceptions.Enqueue($"{thrown.Exception.GetType().FullName}: {thrown.Exception.Message}\n{Environment.StackTrace}");
            }
        }
    }
}
