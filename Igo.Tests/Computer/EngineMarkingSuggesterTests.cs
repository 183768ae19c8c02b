using Igo.Computer;
using Igo.Computer.Background;
using Igo.Domain;
using Igo.Web.Computer;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Igo.Tests.Computer;

public sealed class EngineMarkingSuggesterTests
{
    private static readonly Point DeadStone = new(2, 6);

    [Fact]
    public async Task Games_reaching_scoring_faster_than_the_engine_judges_start_unmarked_instead_of_queueing_without_end()
    {
        var token = TestContext.Current.CancellationToken;
        var advisor = new HeldAdvisor();
        using var suggester = Suggester(advisor, new BackgroundCpuGate(() => null, 0.5, TimeProvider.System));
        var view = Positions.EndgameOf(Positions.DeadStoneInside).View();

        var inLine = Enumerable.Range(0, EngineMarkingSuggester.MaxWaiting + 1).Select(_ => suggester.SuggestDeadAsync(view, token)).ToList();
        var turnedAway = await suggester.SuggestDeadAsync(view, token);

        Assert.Empty(turnedAway);
        Assert.Equal(1, advisor.Asked);

        advisor.Release();
        Assert.All(await Task.WhenAll(inLine), dead => Assert.Equal([DeadStone], dead));
        Assert.Equal(EngineMarkingSuggester.MaxWaiting + 1, advisor.Asked);
    }

    [Fact]
    public async Task While_play_keeps_the_cpus_busy_games_start_unmarked_without_asking_the_engine_and_get_suggestions_again_once_it_eases()
    {
        var token = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider();
        var busy = new CpuTimes(0, 0);
        var gate = new BackgroundCpuGate(() => busy, 0.5, time);
        var advisor = new HeldAdvisor();
        advisor.Release();
        using var suggester = Suggester(advisor, gate);
        var view = Positions.EndgameOf(Positions.DeadStoneInside).View();
        gate.HasSpareCpu();

        busy = new CpuTimes(90, 100);
        time.Advance(BackgroundCpuGate.Window);
        var whileBusy = await suggester.SuggestDeadAsync(view, token);

        busy = new CpuTimes(100, 200);
        time.Advance(BackgroundCpuGate.Window);
        var onceEased = await suggester.SuggestDeadAsync(view, token);

        Assert.Empty(whileBusy);
        Assert.Equal([DeadStone], onceEased);
        Assert.Equal(1, advisor.Asked);
    }

    private static EngineMarkingSuggester Suggester(IPositionAdvisor advisor, BackgroundCpuGate gate) =>
        new(advisor, gate, Options.Create(new ComputerOptions()), NullLogger<EngineMarkingSuggester>.Instance);

    private sealed class HeldAdvisor : IPositionAdvisor
    {
        private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int asked;

        public int Asked => Volatile.Read(ref asked);

        public void Release() => held.SetResult();

        public async Task<PositionJudgement> JudgeAsync(GameView view, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref asked);
            await held.Task.WaitAsync(cancellationToken);
            return new PositionJudgement([DeadStone], 1.5, "held");
        }

        public Task<PositionJudgement> EstimateAsync(GameView view, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
