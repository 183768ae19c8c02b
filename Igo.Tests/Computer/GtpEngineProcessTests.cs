using Igo.Computer.Gtp;
using Igo.Testing.Waiting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Igo.Tests.Computer;

[Trait("Category", "Ai")]
public sealed class GtpEngineProcessTests : IDisposable
{
    private static readonly GtpTimeouts Quick = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
    private readonly FakeGtpEngine fake = new();

    public void Dispose() => fake.Dispose();

    [Fact]
    public async Task Starting_reads_the_engines_command_list_past_its_banner()
    {
        await using var engine = await StartFakeAsync();

        Assert.True(engine.Knows("multiline"));
        Assert.False(engine.Knows("genmove"));
    }

    [Fact]
    public async Task A_multi_line_answer_is_read_whole()
    {
        await using var engine = await StartFakeAsync();

        var response = await engine.SendAsync("multiline", Quick.Command, TestContext.Current.CancellationToken);

        Assert.Equal(new GtpResponse(true, 2, "first\nsecond"), response);
    }

    [Fact]
    public async Task An_unknown_command_is_a_failed_answer_and_the_engine_keeps_working()
    {
        await using var engine = await StartFakeAsync();

        var refused = await engine.SendAsync("frobnicate", Quick.Command, TestContext.Current.CancellationToken);
        var next = await engine.SendAsync("multiline", Quick.Command, TestContext.Current.CancellationToken);

        Assert.False(refused.Success);
        Assert.Equal("unknown command", refused.Text);
        Assert.True(next.Success);
    }

    [Fact]
    public async Task An_engine_that_does_not_answer_in_time_is_killed()
    {
        await using var engine = await StartFakeAsync();

        var error = await Assert.ThrowsAsync<GtpEngineException>(() => engine.SendAsync("hang", TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken));

        Assert.Contains("did not answer 'hang'", error.Message, StringComparison.Ordinal);
        await Eventually.HoldsAsync(() => engine.HasExited, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_engine_that_crashes_mid_command_raises_an_engine_error()
    {
        await using var engine = await StartFakeAsync();

        var error = await Assert.ThrowsAsync<GtpEngineException>(() => engine.SendAsync("crash", Quick.Command, TestContext.Current.CancellationToken));

        Assert.Contains("exited", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<GtpEngineException>(() => engine.SendAsync("multiline", Quick.Command, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_command_with_a_line_break_is_refused_before_it_reaches_the_engine()
    {
        await using var engine = await StartFakeAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => engine.SendAsync("play b A1\nquit", Quick.Command, TestContext.Current.CancellationToken));
        Assert.True((await engine.SendAsync("multiline", Quick.Command, TestContext.Current.CancellationToken)).Success);
    }

    [Fact]
    public async Task A_missing_engine_fails_to_start_with_a_clear_error()
    {
        var missing = new GtpCommandLine("/nonexistent/engine", []);

        Assert.False(missing.IsInstalled());
        var error = await Assert.ThrowsAsync<GtpEngineException>(() => GtpEngineProcess.StartAsync(missing, Quick, NullLogger.Instance, TestContext.Current.CancellationToken));
        Assert.Contains("not installed", error.Message, StringComparison.Ordinal);
    }

    private Task<GtpEngineProcess> StartFakeAsync() =>
        GtpEngineProcess.StartAsync(new GtpCommandLine(fake.Path, []), Quick, NullLogger.Instance, TestContext.Current.CancellationToken);
}
