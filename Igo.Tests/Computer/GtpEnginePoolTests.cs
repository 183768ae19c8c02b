using Igo.Computer.Gtp;
using Igo.Domain;
using Igo.Testing.Waiting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Igo.Tests.Computer;

[Trait("Category", "Ai")]
public sealed class GtpEnginePoolTests
{
    [Fact]
    public async Task A_killed_engine_is_replaced_by_a_working_one_on_the_next_rent()
    {
        GnuGo.SkipUnlessInstalled();
        await using var pool = NewPool(maxProcesses: 1);
        var token = TestContext.Current.CancellationToken;

        int firstProcess;
        await using (var lease = await pool.RentAsync(token))
        {
            firstProcess = lease.Engine.ProcessId;
            lease.Engine.Kill();
            await Eventually.HoldsAsync(() => lease.Engine.HasExited, token);
        }

        await using var replacement = await pool.RentAsync(token);
        await replacement.Engine.BoardSizeAsync(9, token);

        Assert.NotEqual(firstProcess, replacement.Engine.ProcessId);
        Assert.Equal(1, pool.RunningCount);
    }

    [Fact]
    public async Task An_engine_that_dies_while_idle_is_replaced_too()
    {
        GnuGo.SkipUnlessInstalled();
        await using var pool = NewPool(maxProcesses: 1);
        var token = TestContext.Current.CancellationToken;

        GtpEngineProcess first;
        await using (var lease = await pool.RentAsync(token))
        {
            first = lease.Engine;
        }

        first.Kill();
        await Eventually.HoldsAsync(() => first.HasExited, token);
        await using var replacement = await pool.RentAsync(token);

        Assert.NotSame(first, replacement.Engine);
        Assert.True((await replacement.Engine.SendAsync("name", replacement.Engine.Timeouts.Command, token)).Success);
    }

    [Fact]
    public async Task An_engine_is_reused_and_the_pool_never_runs_more_than_its_maximum()
    {
        GnuGo.SkipUnlessInstalled();
        await using var pool = NewPool(maxProcesses: 1);
        var token = TestContext.Current.CancellationToken;

        var first = await pool.RentAsync(token);
        var second = pool.RentAsync(token);

        // No sleep is needed to show that it waits: a rent that did not wait would start a second process, which the
        // process id and the running count below would show.
        Assert.False(second.IsCompleted);

        var firstProcess = first.Engine.ProcessId;
        await first.DisposeAsync();
        await using var lease = await second.WaitAsync(TimeSpan.FromSeconds(10), token);

        Assert.Equal(firstProcess, lease.Engine.ProcessId);
        Assert.Equal(1, pool.RunningCount);
    }

    [Fact]
    public async Task Disposing_the_pool_stops_its_processes()
    {
        GnuGo.SkipUnlessInstalled();
        var pool = NewPool(maxProcesses: 2);
        var token = TestContext.Current.CancellationToken;
        var a = await pool.RentAsync(token);
        var b = await pool.RentAsync(token);
        var engines = new[] { a.Engine, b.Engine };
        await a.DisposeAsync();

        await pool.DisposeAsync();

        Assert.All(engines, engine => Assert.True(engine.HasExited));
        await b.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pool.RentAsync(token));
    }

    [Fact]
    public async Task A_pool_for_an_engine_that_is_not_installed_is_unavailable()
    {
        await using var pool = new GtpEnginePool("missing", new GtpCommandLine("no-such-go-engine", []), 1, GtpTimeouts.Default, NullLogger.Instance);

        Assert.False(pool.IsAvailable);
        await Assert.ThrowsAsync<GtpEngineException>(() => pool.RentAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GnuGo_answers_the_commands_we_use()
    {
        GnuGo.SkipUnlessInstalled();
        await using var pool = NewPool(maxProcesses: 1);
        var token = TestContext.Current.CancellationToken;
        await using var lease = await pool.RentAsync(token);
        var engine = lease.Engine;

        await engine.BoardSizeAsync(9, token);
        await engine.ClearBoardAsync(token);
        await engine.KomiAsync(6.5, token);
        await engine.LevelAsync(1, token);
        // Black walls off the lower right; a lone white stone inside it is dead.
        foreach (var label in new[] { "E1", "E2", "E3", "E4", "F4", "G4", "H4", "J4" })
        {
            Assert.True(await engine.PlayAsync(Color.Black, Point.FromLabel(label, 9), 9, token));
        }

        Assert.True(await engine.PlayAsync(Color.White, Point.FromLabel("G2", 9), 9, token));
        Assert.False(await engine.PlayAsync(Color.White, Point.FromLabel("E1", 9), 9, token));

        var dead = await engine.FinalStatusListAsync("dead", 9, token);
        var move = await engine.GenMoveAsync(Color.White, 9, token);
        Assert.True(await engine.UndoAsync(token));
        var estimate = await engine.EstimateScoreAsync(token);
        var final = await engine.FinalScoreAsync(token);

        Assert.Equal([Point.FromLabel("G2", 9)!.Value], dead);
        Assert.False(move.IsResign);
        Assert.NotNull(estimate?.BlackLead);
        Assert.Equal(Color.Black, final?.Winner);
    }

    [Fact]
    public async Task GnuGo_loads_an_sgf_file_and_says_who_is_to_move()
    {
        GnuGo.SkipUnlessInstalled();
        await using var pool = NewPool(maxProcesses: 1);
        var token = TestContext.Current.CancellationToken;
        var file = Path.Combine(Path.GetTempPath(), $"igo-{Guid.NewGuid():N}.sgf");
        await File.WriteAllTextAsync(file, "(;FF[4]GM[1]SZ[9]KM[6.5];B[ee];W[cc])", token);
        try
        {
            await using var lease = await pool.RentAsync(token);

            var toMove = await lease.Engine.LoadSgfAsync(file, cancellationToken: token);
            var illegal = await lease.Engine.PlayAsync(Color.Black, Point.FromLabel("E5", 9), 9, token);

            Assert.Equal(Color.Black, toMove);
            Assert.False(illegal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_idle_priority_pool_runs_its_engines_at_the_lowest_priority_and_a_plain_pool_does_not()
    {
        GnuGo.SkipUnlessInstalled();
        var token = TestContext.Current.CancellationToken;
        await using var plain = NewPool(maxProcesses: 1);
        await using var advice = new GtpEnginePool("advice", GnuGo.CommandLine, 1, GtpTimeouts.Default, NullLogger.Instance) { RunsAtIdlePriority = true };

        await using var plainLease = await plain.RentAsync(token);
        await using var adviceLease = await advice.RentAsync(token);

        Assert.Equal(NiceOf(Environment.ProcessId), NiceOf(plainLease.Engine.ProcessId));
        Assert.Equal(ProcStat.SchedOther, ProcStat.Field(plainLease.Engine.ProcessId, ProcStat.Policy));
        Assert.Equal(19, NiceOf(adviceLease.Engine.ProcessId));
        Assert.Equal(ProcStat.SchedIdle, ProcStat.Field(adviceLease.Engine.ProcessId, ProcStat.Policy));
    }

    private static int NiceOf(int processId) => ProcStat.Field(processId, ProcStat.Nice);

    private static GtpEnginePool NewPool(int maxProcesses) =>
        new("gnugo", GnuGo.CommandLine, maxProcesses, GtpTimeouts.Default, NullLogger.Instance);
}
